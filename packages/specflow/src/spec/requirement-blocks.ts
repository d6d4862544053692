import { buildCodeFenceMask, normalizeLineEnds } from './code-fence.js';

/** A `### Requirement: <name>` header as OpenSpec reads it (case-insensitive, space after ### optional). */
export const REQUIREMENT_HEADER = /^###\s*Requirement:\s*(.+)\s*$/i;

/** A requirement block of a spec: its name and its text from the header to the next one, trailing space cut. */
export interface RequirementRaw {
  name: string;
  raw: string;
}

/** A main spec cut around its `## Requirements` section, OpenSpec's way (LF text). */
export interface RequirementsSection {
  before: string;
  headerLine: string;
  /** Text between the header and the first requirement. */
  preamble: string;
  blocks: RequirementRaw[];
  after: string;
  /** 1-based line of each block's header in the file (undefined for a spec with no section). */
  lines: number[];
}

/** A name as requirements are matched: trimmed, a closing `#` run dropped, case and inner spaces kept. */
export function normalizeRequirementName(name: string): string {
  return name.replace(/[ \t]+#+[ \t]*$/, '').trim();
}

/** Case- and spacing-insensitive form of a name: two names equal under it are a typo, not two requirements. */
export function foldRequirementName(name: string): string {
  return normalizeRequirementName(name).toLowerCase().replace(/\s+/g, ' ');
}

/** Cuts a main spec around `## Requirements` (created empty at the end when missing), as OpenSpec merges it. */
export function extractRequirementsSection(content: string): RequirementsSection {
  const lines = normalizeLineEnds(content).split('\n');
  const mask = buildCodeFenceMask(lines);
  const header = lines.findIndex((line, index) => !mask[index] && /^##\s+Requirements\s*$/i.test(line));
  if (header === -1) {
    const before = content.trimEnd();
    return { before: before ? `${before}\n\n` : '', headerLine: '## Requirements', preamble: '', blocks: [], after: '\n', lines: [] };
  }
  let end = lines.length;
  for (let index = header + 1; index < lines.length; index += 1) {
    if (!mask[index] && /^##\s+/.test(lines[index]!)) {
      end = index;
      break;
    }
  }
  const isRequirement = (index: number) => !mask[index] && REQUIREMENT_HEADER.test(lines[index]!);
  const isSection = (index: number) => !mask[index] && /^##\s+/.test(lines[index]!);
  let cursor = header + 1;
  const preamble: string[] = [];
  while (cursor < end && !isRequirement(cursor)) preamble.push(lines[cursor++]!);
  const blocks: RequirementRaw[] = [];
  const starts: number[] = [];
  while (cursor < end) {
    const name = normalizeRequirementName(REQUIREMENT_HEADER.exec(lines[cursor]!)![1]!);
    starts.push(cursor + 1);
    const body = [lines[cursor++]!];
    while (cursor < end && !isRequirement(cursor) && !isSection(cursor)) body.push(lines[cursor++]!);
    blocks.push({ name, raw: body.join('\n').trimEnd() });
  }
  const before = lines.slice(0, header).join('\n');
  const after = lines.slice(end).join('\n');
  return {
    before: before.trimEnd() ? `${before}\n` : before,
    headerLine: lines[header]!,
    preamble: preamble.join('\n').trimEnd(),
    blocks,
    after: after.startsWith('\n') ? after : `\n${after}`,
    lines: starts,
  };
}
