import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { scenarioNames, trimBlankLines, type Chunk } from './blocks.js';
import { checkRequirementText } from './check-requirement.js';
import type { DeltaSpec } from './parse-delta.js';
import { parseMainSpec, type MainSpec } from './parse-spec.js';

/** How many requirements a merge added, modified, removed and renamed. */
export interface MergeCounts {
  added: number;
  modified: number;
  removed: number;
  renamed: number;
}

/** The requirements a merge added, modified, removed and renamed, by name. */
export interface MergeChanges {
  added: string[];
  modified: string[];
  removed: string[];
  renamed: { from: string; to: string }[];
}

/** The new text of a main spec, or why the delta does not apply. */
export interface MergeResult {
  text: string;
  /** True when the main spec did not exist and the merge creates it. */
  created: boolean;
  counts: MergeCounts;
  changes: MergeChanges;
  /**
   * Why the merge is wrong: requirements the delta names that the spec lacks or already has, scenarios a
   * MODIFIED drops, and the requirements the rebuilt spec keeps from the current one, checked again.
   * No error among them when `text` is usable.
   */
  diagnostics: Diagnostic[];
}

export interface MergeContext {
  /** Repository path of the main spec, for messages. */
  specFile: string;
  /** The change being merged, named in the Purpose of a new spec. */
  change: string;
}

/**
 * Applies a delta to a main spec in memory, in OpenSpec's order: RENAMED, REMOVED, MODIFIED, ADDED.
 * A missing main spec (`undefined`) is created, which only ADDED requirements can do. The rebuilt spec is
 * checked again: the requirements it keeps from the current spec must pass the requirement rules too.
 *
 * @example
 * const { text, diagnostics } = mergeDelta(await readFile(spec, 'utf8'), delta, { specFile, change: 'add-2fa' });
 */
export function mergeDelta(mainText: string | undefined, delta: DeltaSpec, context: MergeContext): MergeResult {
  const spec = parseMainSpec(mainText ?? newSpecText(delta.capability, context.change));
  const chunks = spec.chunks.map((chunk) => ({ ...chunk, lines: [...chunk.lines] }));
  const changes: MergeChanges = { added: [], modified: [], removed: [], renamed: [] };
  // Blocks that come from the delta: validate checks them in the delta file, with its line numbers.
  const fromDelta = new Set<Chunk>();
  const diagnostics: Diagnostic[] = [];
  const file = delta.file;
  const find = (name: string) => chunks.findIndex((chunk) => chunk.kind === 'requirement' && chunk.name === name);
  const missing = (operation: string, name: string, line: number) => {
    const where = mainText === undefined ? 'does not exist yet' : 'has no such requirement';
    const message = `${operation}: ${context.specFile} ${where}`;
    diagnostics.push(diagnostic('DELTA_TARGET_MISSING', { file, line, requirement: name, message }));
  };
  for (const rename of delta.renames) {
    const index = find(rename.from);
    if (index < 0) missing('RENAMED', rename.from, rename.line);
    else if (find(rename.to) >= 0) {
      const message = `RENAMED to "${rename.to}": ${context.specFile} already has a requirement of that name`;
      const where = { file, line: rename.line, requirement: rename.from };
      diagnostics.push(diagnostic('RENAME_TARGET_EXISTS', { ...where, message }));
    } else {
      chunks[index]!.lines[0] = `### Requirement: ${rename.to}`;
      chunks[index]!.name = rename.to;
      changes.renamed.push({ from: rename.from, to: rename.to });
    }
  }
  for (const requirement of delta.requirements) {
    const index = find(requirement.name);
    if (requirement.operation === 'ADDED') {
      if (index >= 0) {
        const message = `ADDED: ${context.specFile} already has it`;
        const where = { file, line: requirement.line, requirement: requirement.name };
        diagnostics.push(diagnostic('REQ_ALREADY_EXISTS', { ...where, message }));
      }
    } else if (index < 0) missing(requirement.operation, requirement.name, requirement.line);
    else if (requirement.operation === 'REMOVED') {
      chunks.splice(index, 1);
      changes.removed.push(requirement.name);
    }
  }
  for (const requirement of delta.requirements) {
    const index = find(requirement.name);
    if (requirement.operation === 'MODIFIED' && index >= 0) {
      const kept = scenarioNames(requirement.lines);
      const dropped = scenarioNames(chunks[index]!.lines).filter((name) => !kept.includes(name));
      if (dropped.length > 0) {
        const names = dropped.map((name) => JSON.stringify(name)).join(', ');
        const message = `MODIFIED drops scenario${dropped.length === 1 ? '' : 's'} ${names} of ${context.specFile}`;
        const where = { file, line: requirement.line, requirement: requirement.name };
        diagnostics.push(diagnostic('SCENARIO_DROPPED', { ...where, message }));
      }
      chunks[index]!.lines = [...requirement.lines];
      fromDelta.add(chunks[index]!);
      changes.modified.push(requirement.name);
    } else if (requirement.operation === 'ADDED' && index < 0) {
      const chunk: Chunk = { kind: 'requirement', name: requirement.name, start: -1, lines: [...requirement.lines] };
      chunks.push(chunk);
      fromDelta.add(chunk);
      changes.added.push(requirement.name);
    }
  }
  if (mainText !== undefined) diagnostics.push(...recheckKept(chunks, fromDelta, context.specFile));
  const counts: MergeCounts = {
    added: changes.added.length,
    modified: changes.modified.length,
    removed: changes.removed.length,
    renamed: changes.renamed.length,
  };
  return { text: renderSpec(spec, chunks), created: mainText === undefined, counts, changes, diagnostics };
}

// The requirements the rebuilt spec keeps from the current one (renamed ones too), at their lines in it:
// archive writes the whole spec, so it must not write one that fails the rules.
function recheckKept(chunks: Chunk[], fromDelta: Set<Chunk>, specFile: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seen = new Map<string, number>();
  for (const chunk of chunks) {
    if (chunk.kind !== 'requirement' || fromDelta.has(chunk)) continue;
    const block = { name: chunk.name!, line: chunk.start + 1, lines: chunk.lines };
    const first = seen.get(block.name);
    if (first !== undefined) {
      const message = `named twice in ${specFile} (also line ${first})`;
      found.push(diagnostic('REQ_DUPLICATE', { file: specFile, line: block.line, requirement: block.name, message }));
    } else seen.set(block.name, block.line);
    found.push(...checkRequirementText(block, specFile));
  }
  return found;
}

// The requirements section is rewritten with one blank line between blocks; the rest of the file is kept.
function renderSpec(spec: MainSpec, chunks: Chunk[]): string {
  const before =
    spec.heading === undefined ? [...trimEnd(spec.lines), '', '## Requirements'] : spec.lines.slice(0, spec.heading + 1);
  const after = spec.heading === undefined ? [] : spec.lines.slice(spec.end);
  const blocks = chunks.map((chunk) => trimBlankLines(chunk.lines)).filter((lines) => lines.length > 0);
  let text = `${before.join('\n')}\n`;
  if (blocks.length > 0) text += `\n${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
  if (after.length > 0) text += `\n${after.join('\n')}\n`;
  return text;
}

function trimEnd(lines: string[]): string[] {
  const copy = [...lines];
  while (copy.length > 0 && copy[copy.length - 1]!.trim() === '') copy.pop();
  return copy;
}

function newSpecText(capability: string, change: string): string {
  const purpose = `TBD: created when the change ${change} was archived; describe what this capability is for.`;
  return `# ${capability} Specification\n\n## Purpose\n${purpose}\n\n## Requirements\n`;
}
