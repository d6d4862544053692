import { buildCodeFenceMask } from './code-fence.js';
import { findStructureIssues } from './spec-structure.js';

/**
 * The body of a `## Purpose` section (trimmed, line ends as LF), or undefined when there is none or it
 * holds only code or HTML comments. A Purpose inside a fence or a comment is not one.
 */
export function extractPurpose(content: string): string | undefined {
  const normalized = content.replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  const masked = maskHtmlComments(normalized).split('\n');
  const fence = buildCodeFenceMask(masked);
  const start = masked.findIndex((line, index) => !fence[index] && /^##\s+Purpose\s*$/i.test(line));
  if (start === -1) return undefined;
  let end = masked.length;
  for (let index = start + 1; index < masked.length; index += 1) {
    if (!fence[index] && /^##\s+/.test(masked[index]!)) {
      end = index;
      break;
    }
  }
  const prose = masked.slice(start + 1, end).filter((_, offset) => !fence[start + 1 + offset]).join('\n').trim();
  if (!prose) return undefined;
  return lines.slice(start + 1, end).join('\n').trim() || undefined;
}

/** `<!-- ... -->` spans (an unclosed one runs to the end) blanked out, line breaks kept. */
function maskHtmlComments(content: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  let out = '';
  let index = 0;
  for (;;) {
    const open = content.indexOf('<!--', index);
    if (open === -1) return out + content.slice(index);
    out += content.slice(index, open);
    const ends = [content.indexOf('-->', open + 4), content.indexOf('--!>', open + 4)].filter((at) => at >= 0);
    if (ends.length === 0) return out + blank(content.slice(open));
    const first = Math.min(...ends);
    const close = first + (content.startsWith('-->', first) ? 3 : 4);
    out += blank(content.slice(open, close));
    index = close;
  }
}

/**
 * The text of a main spec that a delta creates: its title, the delta's Purpose when it has a readable one
 * (else `placeholder`), and an empty `## Requirements`.
 */
export function newSpecText(capability: string, purpose: string | undefined, placeholder: string): string {
  const skeleton = (body: string) => `# ${capability} Specification\n\n## Purpose\n${body}\n\n## Requirements\n`;
  if (purpose === undefined) return skeleton(placeholder);
  const carried = skeleton(purpose.trim() || placeholder);
  return readableOverview(carried) ? carried : skeleton(placeholder);
}

// A carried Purpose that would hide or break the spec's sections keeps the placeholder instead.
function readableOverview(skeleton: string): boolean {
  if (skeleton.includes('<!--') || findStructureIssues(skeleton).length > 0) return false;
  const lines = skeleton.split('\n');
  const fence = buildCodeFenceMask(lines);
  const start = lines.findIndex((line, index) => !fence[index] && /^(#{1,6})\s+(.+)$/.test(line) && /^##\s+Purpose\s*$/i.test(line.trimEnd()));
  const body: string[] = [];
  for (let index = start + 1; index < lines.length; index += 1) {
    const heading = fence[index] ? null : /^(#{1,6})\s+/.exec(lines[index]!);
    if (heading && heading[1]!.length <= 2) break;
    body.push(lines[index]!);
  }
  return body.join('\n').trim() !== '';
}
