import { splitLines } from '../layout/read-text.js';
import { normalizeName, sectionHeadings, splitRequirements, trimBlankLines } from './blocks.js';

/** What a delta section does to the main spec. */
export type DeltaOperation = 'ADDED' | 'MODIFIED' | 'REMOVED' | 'RENAMED';

/** A requirement of an ADDED, MODIFIED or REMOVED section. */
export interface DeltaRequirement {
  operation: Exclude<DeltaOperation, 'RENAMED'>;
  name: string;
  /** 1-based line of `### Requirement:`. */
  line: number;
  /** 1-based line of the `## ... Requirements` header it is under. */
  section: number;
  /** The block as written (header included, blank lines at the ends removed). */
  lines: string[];
}

/** A RENAMED pair. */
export interface DeltaRename {
  from: string;
  to: string;
  /** 1-based line of the FROM entry. */
  line: number;
  /** 1-based line of the `## RENAMED Requirements` header. */
  section: number;
}

/** One delta file: `openspec/changes/<change>/specs/<capability>/spec.md`. */
export interface DeltaSpec {
  capability: string;
  /** Repository path of the file. */
  file: string;
  requirements: DeltaRequirement[];
  renames: DeltaRename[];
  /** Delta sections found, with their 1-based line. */
  sections: { operation: DeltaOperation; line: number }[];
  /** `##` headings that are not delta sections. */
  otherSections: { title: string; line: number }[];
  /** RENAMED lines without their partner, with the line of their section header. */
  brokenRenames: { line: number; text: string; section: number }[];
}

const OPERATION = /^(ADDED|MODIFIED|REMOVED|RENAMED)\s+Requirements$/i;
const RENAME_ENTRY = /^\s*(?:[-*+]\s+)?\**\s*(FROM|TO)\s*\**\s*:\s*\**\s*(.*?)\s*$/i;

/**
 * Parses a delta spec. Requirement headers inside code fences are not requirements.
 *
 * @example
 * parseDeltaSpec('## ADDED Requirements\n### Requirement: Login\n...', 'auth', 'openspec/changes/x/specs/auth/spec.md')
 */
export function parseDeltaSpec(text: string, capability: string, file: string): DeltaSpec {
  const lines = splitLines(text);
  const delta: DeltaSpec = {
    capability,
    file,
    requirements: [],
    renames: [],
    sections: [],
    otherSections: [],
    brokenRenames: [],
  };
  const headings = sectionHeadings(lines);
  headings.forEach((heading, position) => {
    const end = headings[position + 1]?.index ?? lines.length;
    const match = OPERATION.exec(heading.title);
    if (!match) {
      delta.otherSections.push({ title: heading.title, line: heading.index + 1 });
      return;
    }
    const operation = match[1]!.toUpperCase() as DeltaOperation;
    delta.sections.push({ operation, line: heading.index + 1 });
    if (operation === 'RENAMED') readRenames(lines, heading.index + 1, end, delta);
    else {
      for (const chunk of splitRequirements(lines, heading.index + 1, end)) {
        if (chunk.kind !== 'requirement') continue;
        const block = {
          operation,
          name: chunk.name!,
          line: chunk.start + 1,
          section: heading.index + 1,
          lines: trimBlankLines(chunk.lines),
        };
        delta.requirements.push(block);
      }
    }
  });
  return delta;
}

function readRenames(lines: string[], from: number, to: number, delta: DeltaSpec): void {
  const section = from;
  let pending: { name: string; line: number; text: string; section: number } | undefined;
  for (let index = from; index < to; index += 1) {
    const entry = RENAME_ENTRY.exec(lines[index]!);
    if (!entry) continue;
    const name = renameTarget(entry[2]!);
    if (entry[1]!.toUpperCase() === 'FROM') {
      if (pending) delta.brokenRenames.push({ line: pending.line, text: pending.text, section });
      pending = { name, line: index + 1, text: lines[index]!.trim(), section };
    } else if (pending && name) {
      if (pending.name) delta.renames.push({ from: pending.name, to: name, line: pending.line, section });
      else delta.brokenRenames.push({ line: pending.line, text: pending.text, section });
      pending = undefined;
    } else delta.brokenRenames.push({ line: index + 1, text: lines[index]!.trim(), section });
  }
  if (pending) delta.brokenRenames.push({ line: pending.line, text: pending.text, section });
}

/** "`### Requirement: Login`" or "Login" -> "Login". */
function renameTarget(value: string): string {
  return normalizeName(value.replace(/`/g, '').replace(/^#{1,6}\s*/, '').replace(/^Requirement:/i, ''));
}
