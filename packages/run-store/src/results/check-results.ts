import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { checkHandshake, normalizeResults, parseTolerantJson, PlanError, type HandshakeCheck, type Results } from '@planwright/plan-schema';
import { errorCode, fsError } from '../fs-errors.js';
import type { RunLayout } from '../layout/run-layout.js';

/**
 * What a results file says about a task of a run. `stale`: well-formed, but another run or task
 * (`mismatch` names the ids that differ). Results read with repairs carry them in `repaired`.
 */
export type ResultsCheck = HandshakeCheck | { state: 'missing' };

/** A results file read on its own: missing, unusable, or its (normalized) content. */
export type ResultsFile = { state: 'missing' } | { state: 'invalid'; reason: string } | { state: 'parsed'; results: Results };

/**
 * Reads and normalizes one results file (kit aliases accepted), tolerant of what models write instead
 * of plain JSON (a code fence, comments, trailing commas, a BOM): the repairs are added to the results
 * as `repaired`. Never throws for its content.
 */
export async function readResultsFile(file: string): Promise<ResultsFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { state: 'missing' };
    return { state: 'invalid', reason: `cannot be read (${errorCode(error) ?? (error as Error).message})` };
  }
  if (text.trim() === '') return { state: 'invalid', reason: 'the file is empty' };
  let data: unknown;
  let repaired: string[] = [];
  try {
    // The shared reader underneath: line and column, and the nesting limit (an agent's file is input too).
    ({ data, repaired } = parseTolerantJson(text, file));
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    const at = [error.line === undefined ? '' : `line ${error.line}:${error.column}`, error.path ?? ''].filter(Boolean).join(', ');
    return { state: 'invalid', reason: `${error.problem}${at ? ` (${at})` : ''}` };
  }
  const normalized = normalizeResults(data);
  if (!normalized.ok) return { state: 'invalid', reason: normalized.reason };
  return { state: 'parsed', results: repaired.length > 0 ? { ...normalized.results, repaired } : normalized.results };
}

/**
 * Checks results/<taskId>.json against the task and the invocation's run id. Only `valid` results may
 * finish a task; `stale` ones (another run_id or task_id) are never trusted.
 *
 * @example
 * const check = await checkResults(layout, 'task_001', runId);
 * if (check.state === 'valid') console.log(check.results.status);
 */
export async function checkResults(layout: RunLayout, taskId: string, runId: string): Promise<ResultsCheck> {
  const file = await readResultsFile(layout.resultsPath(taskId));
  if (file.state !== 'parsed') return file;
  return checkHandshake(file.results, { taskId, runId });
}

/**
 * Moves a task's earlier completion files out of the way before its agent starts, so that they can
 * never finish this invocation: results/<id>.json -> results/<id>.stale-<runId>.json and, in done-file
 * mode, done/<id>.done -> done/<id>.stale-<runId>.done. Returns the new paths (none when nothing was there).
 */
export async function moveAsideStale(layout: RunLayout, taskId: string, runId: string): Promise<string[]> {
  const moves: [string, string][] = [
    [layout.resultsPath(taskId), join(layout.resultsDir, `${taskId}.stale-${runId}.json`)],
    [layout.donePath(taskId), join(layout.doneDir, `${taskId}.stale-${runId}.done`)],
  ];
  const moved: string[] = [];
  for (const [from, to] of moves) {
    try {
      await rename(from, to);
      moved.push(to);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw fsError('move aside', from, error);
    }
  }
  return moved;
}
