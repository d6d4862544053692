import { PlanError } from '../errors.js';
import { findTooDeep, formatLongJsonPath, MAX_JSON_DEPTH } from './check-depth.js';
import { lineAndColumn, locateJsonError } from './locate-json-error.js';

/**
 * JSON.parse with an error a person can act on: the file, line and column, and what was expected.
 * A leading byte-order mark is ignored. Text nested deeper than MAX_JSON_DEPTH is refused before it is
 * parsed, with the JSON path where the limit was passed.
 */
export function parseJsonText(text: string, file: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Before the parse: every step after it (schema checks, rewrites, messages) recurses.
  const tooDeep = findTooDeep(source);
  if (tooDeep) {
    throw new PlanError(file, `nested more than ${MAX_JSON_DEPTH} levels deep`, {
      ...lineAndColumn(source, tooDeep.offset),
      path: formatLongJsonPath(tooDeep.path) || undefined,
      hint: `planwright reads JSON up to ${MAX_JSON_DEPTH} levels; flatten or remove that value`,
    });
  }
  try {
    return JSON.parse(source);
  } catch (cause) {
    if (source.trim() === '') {
      throw new PlanError(file, 'the file is empty', { hint: 'it must hold one JSON object', cause });
    }
    const problem = locateJsonError(source);
    throw new PlanError(file, `invalid JSON: ${problem?.message ?? (cause as Error).message}`, {
      line: problem?.line,
      column: problem?.column,
      hint: 'fix the JSON syntax at that position',
      cause,
    });
  }
}

/** The one JSON style planwright writes: 2-space indent and a trailing newline. */
export function stringifyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
