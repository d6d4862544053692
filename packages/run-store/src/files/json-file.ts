import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ExitCode } from '@planwright/cli-kit';
import { parseJsonText, stringifyJson, writeFileAtomic } from '@planwright/plan-schema';
import { RunStoreError } from '../errors.js';
import { errorCode, fsError } from '../fs-errors.js';

/** A JSON object as read from a run file, every key kept. */
export type JsonObject = Record<string, unknown>;

/**
 * Reads a run file that must hold one JSON object. Missing -> undefined; not JSON or not an object -> a
 * RunStoreError naming the file (and line:column), exit 2 like any other unusable file.
 */
export async function readJsonObject(file: string): Promise<JsonObject | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw fsError('read', file, error);
  }
  let data: unknown;
  try {
    data = parseJsonText(text, file);
  } catch (error) {
    throw new RunStoreError((error as Error).message, {
      path: file,
      exitCode: ExitCode.usage,
      hint: 'fix the JSON, or delete the file if the run is over',
      cause: error,
    });
  }
  if (!isJsonObject(data)) {
    throw new RunStoreError(`${file}: expected a JSON object`, { path: file, exitCode: ExitCode.usage });
  }
  return data;
}

/**
 * Writes one JSON document atomically (temp file, then rename), in planwright's one style. Run files
 * (meta, heartbeat, pids) change many times a second with several agents and only describe a live run,
 * so they skip the flush to disk; the rename still keeps them whole for readers and through crashes.
 */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  try {
    await writeFileAtomic(file, stringifyJson(value), { durable: false });
  } catch (error) {
    throw fsError('write', file, error);
  }
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// One queue per file, shared by every copy of this module in the process (a bundle may hold two), so
// that read-modify-write cycles on one file never interleave.
const QUEUES_KEY = Symbol.for('@planwright/run-store/file-queues');
const queues: Map<string, Promise<void>> = ((globalThis as Record<symbol, unknown>)[QUEUES_KEY] ??= new Map()) as Map<
  string,
  Promise<void>
>;

/**
 * Runs `work` after every earlier serialized work on the same file has settled. Several tasks of one
 * orchestrator update meta.json at once; without this, two read-modify-writes would lose one update.
 */
export function serialized<T>(file: string, work: () => Promise<T>): Promise<T> {
  const key = resolve(file);
  const previous = queues.get(key) ?? Promise.resolve();
  const result = previous.then(work);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return result;
}
