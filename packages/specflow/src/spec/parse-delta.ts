import { buildCodeFenceMask, normalizeLineEnds } from './code-fence.js';
import { extractPurpose } from './purpose.js';
import { normalizeRequirementName, REQUIREMENT_HEADER } from './requirement-blocks.js';

/** What a delta section does to the main spec. */
export type DeltaOperation = 'ADDED' | 'MODIFIED' | 'REMOVED' | 'RENAMED';

/** A requirement of an ADDED, MODIFIED or REMOVED section (REMOVED: a header or a bullet naming one). */
export interface DeltaRequirement {
  operation: Exclude<DeltaOperation, 'RENAMED'>;
  name: string;
  /** 1-based line of `### Requirement:` (or of the REMOVED bullet). */
  line: number;
  /** 1-based line of the `## ... Requirements` header it is under. */
  section: number;
  /** The block as written, header first, trailing blank lines and spaces cut (what a merge copies). */
  raw: string;
  /** `raw` as lines. */
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

/** One delta file: `openspec/changes/<change>/specs/<capability path>/spec.md`. */
export interface DeltaSpec {
  /** The capability path under `specs/` (`auth`, or `platform/auth` for a nested one). */
  capability: string;
  /** Repository path of the file. */
  file: string;
  requirements: DeltaRequirement[];
  renames: DeltaRename[];
  /** Delta sections found, with their 1-based line. */
  sections: { operation: DeltaOperation; line: number }[];
  /** `### Requirement:` headers outside every delta section (archive ignores them). */
  orphans: { name: string; line: number; section?: string }[];
  /** FROM/TO lines without their partner, or not in the form archive reads. */
  brokenRenames: { line: number; text: string; section: number }[];
  /** The body of the delta's `## Purpose`, carried into a main spec the delta creates. */
  purpose?: string;
}

const SECTION = /^(##)\s+(.+)$/;
const OPERATIONS: DeltaOperation[] = ['ADDED', 'MODIFIED', 'REMOVED', 'RENAMED'];
const REMOVED_BULLET = /^\s*[-*+]\s*`?###\s*Requirement:\s*(.+?)`?\s*$/;
const RENAME_LINE = { FROM: /^\s*[-*+]?\s*FROM:\s*`?###\s*Requirement:\s*(.+?)`?\s*$/, TO: /^\s*[-*+]?\s*TO:\s*`?###\s*Requirement:\s*(.+?)`?\s*$/ };
// A FROM/TO line in a looser form ("- FROM: Login", bold) that archive would skip: reported, never dropped.
const LOOSE_RENAME = /^\s*(?:[-*+]\s+)?\**\s*(FROM|TO)\s*\**\s*:/i;

/**
 * Parses a delta spec as OpenSpec's archive reads it: `## <OPERATION> Requirements` sections (any case,
 * repeated ones merged), requirement headers inside code fences ignored, REMOVED as headers or bullets.
 *
 * @example
 * parseDeltaSpec('## ADDED Requirements\n### Requirement: Login\n...', 'auth', 'openspec/changes/x/specs/auth/spec.md')
 */
export function parseDeltaSpec(text: string, capability: string, file: string): DeltaSpec {
  const lines = normalizeLineEnds(text).split('\n');
  const mask = buildCodeFenceMask(lines);
  const delta: DeltaSpec = { capability, file, requirements: [], renames: [], sections: [], orphans: [], brokenRenames: [] };
  const purpose = extractPurpose(text);
  if (purpose !== undefined) delta.purpose = purpose;
  const headings: { index: number; title: string }[] = [];
  lines.forEach((line, index) => {
    const match = mask[index] ? null : SECTION.exec(line);
    if (match) headings.push({ index, title: match[2]!.trim() });
  });
  const firstAt = headings[0]?.index ?? lines.length;
  for (let index = 0; index < firstAt; index += 1) orphan(lines, mask, index, delta, undefined);
  headings.forEach((heading, position) => {
    const end = headings[position + 1]?.index ?? lines.length;
    const operation = OPERATIONS.find((name) => `${name.toLowerCase()} requirements` === heading.title.toLowerCase());
    if (!operation) {
      for (let index = heading.index + 1; index < end; index += 1) orphan(lines, mask, index, delta, heading.title);
      return;
    }
    delta.sections.push({ operation, line: heading.index + 1 });
    if (operation === 'RENAMED') readRenames(lines, mask, heading.index, end, delta);
    else if (operation === 'REMOVED') readRemoved(lines, mask, heading.index, end, delta);
    else readBlocks(lines, mask, heading.index, end, operation, delta);
  });
  return delta;
}

function orphan(lines: string[], mask: boolean[], index: number, delta: DeltaSpec, section: string | undefined): void {
  const header = mask[index] ? null : REQUIREMENT_HEADER.exec(lines[index]!);
  if (header) delta.orphans.push({ name: normalizeRequirementName(header[1]!), line: index + 1, ...(section === undefined ? {} : { section }) });
}

type Span = [lines: string[], mask: boolean[], header: number, end: number];

// A nameless "### Requirement:" is a block too (reported as REQ_EMPTY_NAME), where OpenSpec skips its text.
const NAMELESS = /^###\s*Requirement:\s*$/i;

function readBlocks(...[lines, mask, header, end, operation, delta]: [...Span, 'ADDED' | 'MODIFIED', DeltaSpec]): void {
  const isRequirement = (index: number) => !mask[index] && (REQUIREMENT_HEADER.test(lines[index]!) || NAMELESS.test(lines[index]!));
  let index = header + 1;
  while (index < end) {
    if (!isRequirement(index)) {
      index += 1;
      continue;
    }
    const start = index;
    const body = [lines[index++]!];
    while (index < end && !isRequirement(index) && (mask[index] || !/^##\s+/.test(lines[index]!))) body.push(lines[index++]!);
    const raw = body.join('\n').trimEnd();
    const name = normalizeRequirementName(REQUIREMENT_HEADER.exec(lines[start]!)?.[1] ?? '');
    delta.requirements.push({ operation, name, line: start + 1, section: header + 1, raw, lines: raw.split('\n') });
  }
}

function readRemoved(...[lines, mask, header, end, delta]: [...Span, DeltaSpec]): void {
  for (let index = header + 1; index < end; index += 1) {
    if (mask[index]) continue;
    const match = REQUIREMENT_HEADER.exec(lines[index]!) ?? REMOVED_BULLET.exec(lines[index]!);
    if (!match) continue;
    const raw = lines[index]!.trimEnd();
    const name = normalizeRequirementName(match[1]!);
    delta.requirements.push({ operation: 'REMOVED', name, line: index + 1, section: header + 1, raw, lines: [raw] });
  }
}

function readRenames(...[lines, mask, header, end, delta]: [...Span, DeltaSpec]): void {
  const section = header + 1;
  let pending: { name: string; line: number; text: string } | undefined;
  const broken = (entry: { line: number; text: string }) => delta.brokenRenames.push({ ...entry, section });
  for (let index = header + 1; index < end; index += 1) {
    if (mask[index]) continue;
    const text = lines[index]!.trim();
    const from = RENAME_LINE.FROM.exec(lines[index]!);
    const to = from ? null : RENAME_LINE.TO.exec(lines[index]!);
    if (from) {
      if (pending) broken(pending);
      pending = { name: normalizeRequirementName(from[1]!), line: index + 1, text };
    } else if (to && pending) {
      delta.renames.push({ from: pending.name, to: normalizeRequirementName(to[1]!), line: pending.line, section });
      pending = undefined;
    } else if (to || LOOSE_RENAME.test(lines[index]!)) broken({ line: index + 1, text });
  }
  if (pending) broken(pending);
}
