import { isFence, splitLines } from '../layout/read-text.js';

/**
 * The first paragraph of a proposal's `## Why` section (OpenSpec 1.x's proposal), on one line, without
 * HTML comments; undefined when there is no such section or it is empty. A plan's goal comes from it.
 *
 * @example
 * proposalWhy('# Proposal\n\n## Why\n\nUsers lose work when\nthe tab closes.\n\nMore.\n'); // 'Users lose work when the tab closes.'
 */
export function proposalWhy(proposal: string): string | undefined {
  const lines = splitLines(proposal.replace(/<!--[\s\S]*?-->/g, ''));
  let inFence = false;
  let start: number | undefined;
  let end = lines.length;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (isFence(line)) inFence = !inFence;
    if (inFence || !/^#{1,2}\s/.test(line)) continue;
    if (start !== undefined) {
      end = index;
      break;
    }
    if (/^##\s+why\s*#*\s*$/i.test(line)) start = index + 1;
  }
  if (start === undefined) return undefined;
  const paragraph: string[] = [];
  for (const line of lines.slice(start, end)) {
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
    } else paragraph.push(line.trim());
  }
  const text = paragraph.join(' ').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}
