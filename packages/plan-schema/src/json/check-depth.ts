import { formatJsonPath } from './format-path.js';

/**
 * How deep planwright reads JSON. Real plans nest five levels; the limit only has to stop a file of
 * `[[[[…` from overflowing the stack of every recursive step after the parse (schema checks, rewrites,
 * error messages), and leaves room for what people add under their own keys.
 */
export const MAX_JSON_DEPTH = 256;

/** Where a JSON text first nests deeper than the limit. */
export interface TooDeep {
  /** The JSON path of the container that opened one level too many. */
  path: (string | number)[];
  /** Offset of its opening bracket. */
  offset: number;
}

type Frame = { kind: 'array'; index: number } | { kind: 'object'; key: string; expectKey: boolean };

/**
 * Finds the first place a JSON text nests deeper than `limit`, in one pass without recursion, so it is
 * safe on any input and can run before JSON.parse. It reads only brackets, commas, colons and strings:
 * malformed text is scanned as far as it goes (its syntax error is reported elsewhere).
 */
export function findTooDeep(text: string, limit: number = MAX_JSON_DEPTH): TooDeep | undefined {
  const stack: Frame[] = [];
  // Jumps from one character that matters to the next (strings are skipped whole): about JSON.parse's speed.
  const special = /["[\]{},]/g;
  for (let match = special.exec(text); match; match = special.exec(text)) {
    const i = match.index;
    const char = text[i];
    if (char === '"') {
      const end = stringEnd(text, i);
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.expectKey) {
        top.key = decodeKey(text.slice(i, end + 1));
        top.expectKey = false;
      }
      special.lastIndex = end + 1;
    } else if (char === '[' || char === '{') {
      if (stack.length >= limit) return { path: stack.map(position), offset: i };
      stack.push(char === '[' ? { kind: 'array', index: 0 } : { kind: 'object', key: '', expectKey: true });
    } else if (char === ']' || char === '}') {
      stack.pop();
    } else {
      const top = stack.at(-1);
      if (top?.kind === 'array') top.index++;
      else if (top) top.expectKey = true;
    }
  }
  return undefined;
}

/** The offset of the quote that ends the string opened at `start` (the text's end when none does). */
function stringEnd(text: string, start: number): number {
  for (let quote = text.indexOf('"', start + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let slashes = 0;
    while (text[quote - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) return quote;
  }
  return text.length;
}

function position(frame: Frame): string | number {
  return frame.kind === 'array' ? frame.index : frame.key;
}

function decodeKey(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal.slice(1, -1);
  }
}

/**
 * A JSON path short enough for one line: runs of one repeated step are written once with a count,
 * `x_deep(.a ×254)` or `([0] ×256)`.
 */
export function formatLongJsonPath(path: readonly (string | number)[]): string {
  const steps = path.map((segment) => formatJsonPath(['_', segment]).slice(1));
  let out = '';
  for (let i = 0; i < steps.length; ) {
    let run = 1;
    while (steps[i + run] === steps[i]) run++;
    out += run > 3 ? `(${steps[i]} ×${run})` : steps[i]!.repeat(run);
    i += run;
  }
  return out.startsWith('.') ? out.slice(1) : out;
}
