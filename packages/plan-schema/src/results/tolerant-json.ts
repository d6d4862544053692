import { parseJsonText } from '../json/parse-json.js';

/** How a results file that is not plain JSON was read. Recorded in the results as `repaired`. */
export type Repair = 'bom' | 'code_fence' | 'comments' | 'trailing_commas';

/** What a tolerant parse found: the data, and the repairs it took (none for plain JSON). */
export interface TolerantParse {
  data: unknown;
  repaired: Repair[];
}

// A fence around the whole text, or the first ```json block of a text with words around it.
const WHOLE_FENCE = /^\s*```[\w-]*[ \t]*\r?\n([\s\S]*?)\r?\n[ \t]*```\s*$/;
const JSON_FENCE = /```(?:json|jsonc)[ \t]*\r?\n([\s\S]*?)\r?\n[ \t]*```/i;

/**
 * Parses JSON the way models write it when asked for JSON: in a code fence, with `//` or `/* *\/`
 * comments, with trailing commas, after a byte-order mark. Plain JSON parses with no repair. What
 * cannot be read even so throws parseJsonText's PlanError (file, line and column) for the repaired text.
 *
 * @example
 * parseTolerantJson('```json\n{"a": 1,}\n```', 'results/t.json'); // { data: { a: 1 }, repaired: ['code_fence', 'trailing_commas'] }
 */
export function parseTolerantJson(text: string, file: string): TolerantParse {
  const repaired: Repair[] = [];
  let source = text;
  if (source.charCodeAt(0) === 0xfeff) {
    source = source.slice(1);
    repaired.push('bom');
  }
  try {
    return { data: parseJsonText(source, file), repaired };
  } catch (error) {
    const fenced = WHOLE_FENCE.exec(source) ?? JSON_FENCE.exec(source);
    if (fenced) {
      source = fenced[1]!;
      repaired.push('code_fence');
    }
    const cleaned = stripCommentsAndCommas(source);
    if (cleaned.comments) repaired.push('comments');
    if (cleaned.commas) repaired.push('trailing_commas');
    // Nothing to repair: the first error is the one to report.
    if (!fenced && !cleaned.comments && !cleaned.commas) throw error;
    return { data: parseJsonText(cleaned.text, file), repaired };
  }
}

/** Removes comments and trailing commas outside strings; says which it found. */
function stripCommentsAndCommas(text: string): { text: string; comments: boolean; commas: boolean } {
  let out = '';
  let comments = false;
  let commas = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"') {
      const end = endOfString(text, index);
      out += text.slice(index, end);
      index = end - 1;
    } else if (char === '/' && text[index + 1] === '/') {
      comments = true;
      while (index < text.length && text[index] !== '\n') index++;
      out += '\n';
    } else if (char === '/' && text[index + 1] === '*') {
      comments = true;
      const close = text.indexOf('*/', index + 2);
      index = close === -1 ? text.length : close + 1;
      out += ' ';
    } else if (char === ',' && /^\s*[}\]]/.test(stripLeadingComments(text.slice(index + 1)))) {
      commas = true;
    } else {
      out += char;
    }
  }
  return { text: out, comments, commas };
}

/** The index just past the string that starts at `start` (a quote), escapes included. */
function endOfString(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '"') return index + 1;
  }
  return text.length;
}

/** Whitespace and comments at the start of `text` dropped, to see what a comma is followed by. */
function stripLeadingComments(text: string): string {
  let rest = text;
  for (;;) {
    const trimmed = rest.trimStart();
    if (trimmed.startsWith('//')) rest = trimmed.slice(trimmed.indexOf('\n') === -1 ? trimmed.length : trimmed.indexOf('\n'));
    else if (trimmed.startsWith('/*')) rest = trimmed.slice(trimmed.indexOf('*/') === -1 ? trimmed.length : trimmed.indexOf('*/') + 2);
    else return trimmed;
  }
}
