import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { buildCodeFenceMask } from './code-fence.js';
import type { DeltaSpec } from './parse-delta.js';
import { extractRequirementsSection, foldRequirementName, type RequirementRaw } from './requirement-blocks.js';
import { droppedScenarios } from './requirement-text.js';
import { findStructureIssues } from './spec-structure.js';

/** How many requirements a merge added, modified, removed and renamed (already-synced ones not counted). */
export interface MergeCounts {
  added: number;
  modified: number;
  removed: number;
  renamed: number;
}

/** The requirements a merge changed, by name. */
export interface MergeChanges {
  added: string[];
  modified: string[];
  removed: string[];
  renamed: { from: string; to: string }[];
}

/** A main spec rebuilt from a delta (LF text), or the reasons it cannot be (`refusals`). */
export interface RebuiltSpec {
  text: string;
  changes: MergeChanges;
  refusals: Diagnostic[];
  /** What archive reports and lets through: REMOVED of requirements already gone. */
  notes: string[];
}

/**
 * Applies a delta to a main spec's text exactly as `openspec archive` does, in its order RENAMED, REMOVED,
 * MODIFIED, ADDED: a requirement already removed, renamed, or added with the same text counts as synced;
 * the spec keeps its requirement order (new ones at the end), and its section is rejoined with one blank
 * line between blocks and runs of blank lines outside fences collapsed.
 */
export function rebuildSpec(base: string, delta: DeltaSpec, specFile: string, isNew: boolean): RebuiltSpec {
  const file = delta.file;
  const refusals: Diagnostic[] = [];
  const notes: string[] = [];
  const refuse = (code: Parameters<typeof diagnostic>[0], name: string, line: number, message: string) =>
    refusals.push(diagnostic(code, { file, line, requirement: name, message }));
  const changes: MergeChanges = { added: [], modified: [], removed: [], renamed: [] };
  for (const issue of findStructureIssues(base)) {
    const message = `${specFile} line ${issue.line}: ${STRUCTURE[issue.kind]}; archive cannot write into it until that is fixed`;
    refusals.push(diagnostic('SPEC_STRUCTURE', { file: specFile, line: issue.line, message }));
  }
  const parts = extractRequirementsSection(base);
  const blocks = new Map<string, RequirementRaw>(parts.blocks.map((block) => [block.name, block]));
  const order = parts.blocks.map((block) => block.name);
  const nearMiss = (name: string, except?: string) =>
    [...blocks.keys()].find((key) => key !== except && foldRequirementName(key) === foldRequirementName(name));
  const spelled = (key: string) => `"### Requirement: ${blocks.get(key)!.name}" is in ${specFile}: use that exact name`;
  for (const { from, to, line } of delta.renames) {
    if (!blocks.has(from)) {
      const near = blocks.has(to) ? nearMiss(from, to) : undefined;
      if (near !== undefined) refuse('DELTA_TARGET_MISSING', from, line, `RENAMED: not found, but ${spelled(near)}`);
      else if (!blocks.has(to)) refuse('DELTA_TARGET_MISSING', from, line, `RENAMED: ${specFile} ${isNew ? 'does not exist yet' : 'has no such requirement'}`);
      continue;
    }
    const taken = blocks.has(to) ? to : nearMiss(to, from);
    if (taken !== undefined) {
      refuse('RENAME_TARGET_EXISTS', from, line, `RENAMED to "${to}": ${specFile} already has "${blocks.get(taken)!.name}"`);
      continue;
    }
    const block = blocks.get(from)!;
    const raw = [`### Requirement: ${to}`, ...block.raw.split('\n').slice(1)].join('\n');
    blocks.delete(from);
    blocks.set(to, { name: to, raw });
    order[order.indexOf(from)] = to;
    changes.renamed.push({ from, to });
  }
  for (const { operation, name, line } of delta.requirements) {
    if (operation !== 'REMOVED') continue;
    if (blocks.delete(name)) changes.removed.push(name);
    else if (isNew) notes.push(`${delta.capability}: REMOVED "${name}" ignored: the spec is new`);
    else if (nearMiss(name) !== undefined) refuse('DELTA_TARGET_MISSING', name, line, `REMOVED: not found, but ${spelled(nearMiss(name)!)}`);
    else notes.push(`${delta.capability}: REMOVED "${name}" is not in ${specFile}; treated as already removed`);
  }
  for (const requirement of delta.requirements) {
    const { operation, name, line, raw } = requirement;
    const current = blocks.get(name);
    // MODIFIED of a name this delta also removes is a contradiction, reported as REQ_IN_TWO_SECTIONS.
    if (operation === 'MODIFIED' && !changes.removed.includes(name)) {
      if (!current) {
        refuse('DELTA_TARGET_MISSING', name, line, `MODIFIED: ${specFile} ${isNew ? 'does not exist yet' : 'has no such requirement'}`);
        continue;
      }
      const dropped = droppedScenarios(current.raw, raw);
      if (dropped.length > 0) {
        const names = dropped.map((scenario) => JSON.stringify(scenario)).join(', ');
        refuse('SCENARIO_DROPPED', name, line, `MODIFIED drops scenario${dropped.length === 1 ? '' : 's'} ${names} of ${specFile}`);
      }
      if (sameText(current.raw, raw)) blocks.set(name, { name, raw });
      else {
        blocks.set(name, { name, raw });
        changes.modified.push(name);
      }
    }
  }
  for (const { operation, name, line, raw } of delta.requirements) {
    if (operation !== 'ADDED') continue;
    const current = blocks.get(name);
    if (current) {
      if (!sameText(current.raw, raw)) refuse('REQ_ALREADY_EXISTS', name, line, `ADDED: ${specFile} already has it, with other text`);
      continue;
    }
    const near = nearMiss(name);
    if (near !== undefined) {
      refuse('REQ_ALREADY_EXISTS', name, line, `ADDED: ${specFile} has "${blocks.get(near)!.name}", which differs only in case or spacing`);
      continue;
    }
    blocks.set(name, { name, raw });
    changes.added.push(name);
  }
  return { text: render(parts, order, blocks), changes, refusals, notes };
}

const STRUCTURE = {
  'delta-header': 'a delta header ("## ADDED Requirements" and the like) is in a main spec',
  'requirement-outside-requirements': 'a requirement is outside the "## Requirements" section',
  'duplicate-requirement': 'a requirement name is used twice',
} as const;

function sameText(a: string, b: string): boolean {
  return a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();
}

function render(parts: ReturnType<typeof extractRequirementsSection>, order: string[], blocks: Map<string, RequirementRaw>): string {
  const kept: RequirementRaw[] = [];
  const seen = new Set<string>();
  for (const key of order) {
    const block = blocks.get(key);
    if (!block) continue;
    kept.push(block);
    seen.add(key);
  }
  for (const [key, block] of blocks) if (!seen.has(key)) kept.push(block);
  const body = [...(parts.preamble.trim() ? [parts.preamble.trimEnd()] : []), ...kept.map((block) => block.raw)].join('\n\n').trimEnd();
  const joined = [parts.before.trimEnd(), parts.headerLine, body, parts.after.trim()].filter((text) => text !== '').join('\n\n');
  return `${collapseBlankRuns(joined).trimEnd()}\n`;
}

// Runs of empty lines become one, except inside code fences, whose text is kept as written.
function collapseBlankRuns(content: string): string {
  const lines = content.split('\n');
  const mask = buildCodeFenceMask(lines);
  let blank = 0;
  return lines
    .filter((line, index) => {
      if (mask[index] || line !== '') {
        blank = 0;
        return true;
      }
      blank += 1;
      return blank === 1;
    })
    .join('\n');
}
