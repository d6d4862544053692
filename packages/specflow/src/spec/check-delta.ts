import { diagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics.js';
import { checkRequirementText } from './check-requirement.js';
import type { DeltaOperation, DeltaSpec } from './parse-delta.js';
import { foldRequirementName } from './requirement-blocks.js';

const header = (operation: DeltaOperation) => `"## ${operation} Requirements"`;

/**
 * The rules of one delta file on its own, as OpenSpec's validate has them: some delta section with some
 * entry in it, FROM/TO lines in pairs, no name twice in a section, no name in two sections that contradict
 * each other, requirements outside delta sections reported (a warning: archive ignores them), and for
 * ADDED and MODIFIED requirements their text and scenarios.
 */
export function checkDeltaSpec(delta: DeltaSpec): Diagnostic[] {
  const file = delta.file;
  const found: Diagnostic[] = [];
  const report = (code: DiagnosticCode, line: number, message: string, requirement?: string) =>
    found.push(diagnostic(code, { file, line, ...(requirement === undefined ? {} : { requirement }), message }));
  for (const orphan of delta.orphans) {
    const where = orphan.section === undefined ? 'above the first "## " section' : `under "## ${orphan.section}"`;
    report('DELTA_UNKNOWN_SECTION', orphan.line, `this requirement is ${where}, not a delta section: archive ignores it`, orphan.name);
  }
  if (delta.sections.length === 0) {
    report('DELTA_NO_SECTIONS', 1, 'no "## ADDED|MODIFIED|REMOVED|RENAMED Requirements" section');
  } else if (delta.requirements.length + delta.renames.length === 0) {
    const names = delta.sections.map((section) => header(section.operation)).join(', ');
    report('DELTA_NO_REQUIREMENTS', delta.sections[0]!.line, `${names}: no "### Requirement:" or FROM/TO pair under any of them`);
  }
  for (const broken of delta.brokenRenames) {
    report('RENAME_MALFORMED', broken.line, `${JSON.stringify(broken.text)} is not part of a FROM/TO pair`);
  }
  const named = new Map<string, Map<string, number>>();
  const first = (section: string, name: string, line: number) => {
    const names = named.get(section) ?? new Map<string, number>();
    named.set(section, names);
    const earlier = names.get(name);
    if (earlier === undefined) names.set(name, line);
    return earlier;
  };
  for (const requirement of delta.requirements) {
    const { operation, name, line } = requirement;
    if (!name) {
      report('REQ_EMPTY_NAME', line, '"### Requirement:" has no name');
      continue;
    }
    const earlier = first(operation, name, line);
    if (earlier !== undefined) report('REQ_DUPLICATE', line, `named twice under ${header(operation)} (also line ${earlier})`, name);
    if (operation !== 'REMOVED') found.push(...checkRequirementText({ name, line, lines: requirement.lines }, file));
  }
  for (const { from, to, line } of delta.renames) {
    const again = [first('FROM', from, line), first('TO', to, line)];
    if (again[0] !== undefined) report('REQ_DUPLICATE', line, `RENAMED twice FROM this name (also line ${again[0]})`, from);
    if (again[1] !== undefined) report('REQ_DUPLICATE', line, `RENAMED twice TO this name (also line ${again[1]})`, to);
  }
  found.push(...contradictions(delta, named));
  return found;
}

// OpenSpec's cross-section rules: MODIFIED with REMOVED or ADDED, ADDED with REMOVED, MODIFIED of a RENAMED
// FROM name (it must use the new name), ADDED of a RENAMED TO name, REMOVED of a RENAMED FROM name.
function contradictions(delta: DeltaSpec, named: Map<string, Map<string, number>>): Diagnostic[] {
  const lineIn = (section: string, name: string) => named.get(section)?.get(name);
  const found: Diagnostic[] = [];
  const conflict = (name: string, line: number, message: string) =>
    found.push(diagnostic('REQ_IN_TWO_SECTIONS', { file: delta.file, line, requirement: name, message }));
  for (const [a, b] of [['MODIFIED', 'REMOVED'], ['MODIFIED', 'ADDED'], ['ADDED', 'REMOVED']] as const) {
    for (const [name, line] of named.get(a) ?? []) {
      const other = lineIn(b, name);
      if (other !== undefined) conflict(name, Math.max(line, other), `under ${header(a)} and ${header(b)}`);
    }
  }
  for (const { from, to, line } of delta.renames) {
    const modified = lineIn('MODIFIED', from);
    if (modified !== undefined) conflict(from, modified, `MODIFIED names the old name of a RENAMED; use "${to}"`);
    const added = lineIn('ADDED', to);
    if (added !== undefined) conflict(to, added, `ADDED uses the new name of a RENAMED (line ${line})`);
    const removed = [...(named.get('REMOVED') ?? [])].find(([name]) => foldRequirementName(name) === foldRequirementName(from));
    if (removed) conflict(removed[0], removed[1], `REMOVED names the old name of a RENAMED (line ${line})`);
  }
  return found;
}
