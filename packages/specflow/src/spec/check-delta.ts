import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { checkRequirementText } from './check-requirement.js';
import type { DeltaOperation, DeltaSpec } from './parse-delta.js';

/** Where a name occurs in a delta: its section (RENAMED split into its FROM and TO sides) and line. */
interface Mention {
  operation: DeltaOperation;
  side?: 'from' | 'to';
  line: number;
}

const header = (operation: DeltaOperation) => `"## ${operation} Requirements"`;

/**
 * The rules of one delta file on its own: delta sections present and none empty, names present, no name
 * twice in a section or in two sections, and for ADDED and MODIFIED requirements their text and scenarios.
 */
export function checkDeltaSpec(delta: DeltaSpec): Diagnostic[] {
  const file = delta.file;
  const found: Diagnostic[] = [];
  for (const other of delta.otherSections) {
    const message = `"## ${other.title}" is not a delta section`;
    found.push(diagnostic('DELTA_UNKNOWN_SECTION', { file, line: other.line, message }));
  }
  if (delta.sections.length === 0) {
    const message = 'no "## ADDED|MODIFIED|REMOVED|RENAMED Requirements" section';
    found.push(diagnostic('DELTA_NO_SECTIONS', { file, line: 1, message }));
  }
  for (const section of delta.sections) {
    const under = (entry: { section: number }) => entry.section === section.line;
    const entries = [...delta.requirements, ...delta.renames, ...delta.brokenRenames].filter(under).length;
    if (entries > 0) continue;
    const what = section.operation === 'RENAMED' ? 'FROM/TO pair' : '"### Requirement:"';
    const message = `${header(section.operation)} has no ${what} under it`;
    found.push(diagnostic('DELTA_NO_REQUIREMENTS', { file, line: section.line, message }));
  }
  for (const broken of delta.brokenRenames) {
    const message = `${JSON.stringify(broken.text)} is not part of a FROM/TO pair`;
    found.push(diagnostic('RENAME_MALFORMED', { file, line: broken.line, message }));
  }
  const named: { name: string; at: Mention }[] = [];
  for (const requirement of delta.requirements) {
    if (!requirement.name) {
      const message = '"### Requirement:" has no name';
      found.push(diagnostic('REQ_EMPTY_NAME', { file, line: requirement.line, message }));
      continue;
    }
    named.push({ name: requirement.name, at: { operation: requirement.operation, line: requirement.line } });
    if (requirement.operation !== 'REMOVED') found.push(...checkRequirementText(requirement, file));
  }
  for (const rename of delta.renames) {
    named.push({ name: rename.from, at: { operation: 'RENAMED', side: 'from', line: rename.line } });
    named.push({ name: rename.to, at: { operation: 'RENAMED', side: 'to', line: rename.line } });
  }
  // In file order, so that the later mention of a name is the one reported.
  const mentions = new Map<string, Mention[]>();
  for (const { name, at } of named.sort((a, b) => a.at.line - b.at.line)) {
    const earlier = mentions.get(name) ?? [];
    found.push(...repeated(name, at, earlier, file));
    mentions.set(name, [...earlier, at]);
  }
  return found;
}

/**
 * A name met again: twice in one section is REQ_DUPLICATE; in two sections is REQ_IN_TWO_SECTIONS, except
 * the one legal pair: MODIFIED of the new name of a RENAMED (the merge renames first).
 */
function repeated(name: string, at: Mention, earlier: Mention[], file: string): Diagnostic[] {
  const where = { file, line: at.line, requirement: name };
  const same = earlier.find((first) => first.operation === at.operation && first.side === at.side);
  if (same) {
    const message = `named twice under ${header(at.operation)} (also line ${same.line})`;
    return [diagnostic('REQ_DUPLICATE', { ...where, message })];
  }
  const renamedTo = (mention: Mention) => mention.side === 'to';
  const other = earlier.find((first) => {
    if (first.operation === at.operation) return false;
    const pair = [first, at];
    return !(pair.some(renamedTo) && pair.some((mention) => mention.operation === 'MODIFIED'));
  });
  if (!other) return [];
  const side = other.side === undefined ? '' : ` (${other.side.toUpperCase()})`;
  const message = `also under ${header(other.operation)}${side} at line ${other.line}`;
  return [diagnostic('REQ_IN_TWO_SECTIONS', { ...where, message })];
}
