import { isFence } from '../layout/read-text.js';

/**
 * A piece of a requirements section: a `### Requirement: <name>` block (its header, text and scenarios,
 * up to the next heading of level 1-3), or other text between blocks.
 */
export interface Chunk {
  kind: 'requirement' | 'text';
  /** The requirement's name, trimmed with inner whitespace collapsed (how names are matched). */
  name?: string;
  /** 0-based index of the chunk's first line in the file. */
  start: number;
  lines: string[];
}

const REQUIREMENT = /^###\s+Requirement:(.*)$/;
// `### Scenario:` is a mistake inside a requirement (reported by validate), not the end of it.
const ENDS_BLOCK = /^#{1,3}\s+(?!Scenario:)/;

/** Level-2 headings outside code fences, with their 0-based line index. */
export function sectionHeadings(lines: string[]): { index: number; title: string }[] {
  const found: { index: number; title: string }[] = [];
  let inFence = false;
  lines.forEach((line, index) => {
    if (isFence(line)) inFence = !inFence;
    const match = inFence ? null : /^##\s+(.*?)\s*#*\s*$/.exec(line);
    if (match) found.push({ index, title: match[1]! });
  });
  return found;
}

/** Splits lines `from` (inclusive) to `to` (exclusive) into requirement blocks and the text around them. */
export function splitRequirements(lines: string[], from: number, to: number): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  let inFence = false;
  for (let index = from; index < to; index += 1) {
    const line = lines[index]!;
    const fence = isFence(line);
    const header = inFence || fence ? null : REQUIREMENT.exec(line);
    if (header) {
      current = { kind: 'requirement', name: normalizeName(header[1]!), start: index, lines: [line] };
      chunks.push(current);
    } else if (!current || (!inFence && !fence && current.kind === 'requirement' && ENDS_BLOCK.test(line))) {
      current = { kind: 'text', start: index, lines: [line] };
      chunks.push(current);
    } else current.lines.push(line);
    if (fence) inFence = !inFence;
  }
  return chunks;
}

/** How requirement names are compared: trimmed, inner whitespace collapsed, case kept. */
export function normalizeName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** The lines without blank lines at either end. */
export function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start += 1;
  while (end > start && lines[end - 1]!.trim() === '') end -= 1;
  return lines.slice(start, end);
}

const SCENARIO_HEADING = /^####\s+Scenario:(.*)$/;

/** The names of the `#### Scenario:` headings in a requirement block, outside code fences. */
export function scenarioNames(lines: string[]): string[] {
  const names: string[] = [];
  let inFence = false;
  for (const line of lines) {
    if (isFence(line)) inFence = !inFence;
    const match = inFence ? null : SCENARIO_HEADING.exec(line);
    if (match) names.push(normalizeName(match[1]!));
  }
  return names;
}
