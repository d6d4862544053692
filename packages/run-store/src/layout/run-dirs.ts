import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { errorCode, fsError } from '../fs-errors.js';
import { compareRunIds } from './run-id.js';

/**
 * The names of the run folders under a PR's runs root, oldest first (the kit's sorted order). Hidden
 * entries and files are skipped; a missing root has none.
 */
export async function runDirNames(runsRoot: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(runsRoot, { withFileTypes: true });
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw fsError('read the runs folder', runsRoot, error);
  }
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort(compareRunIds);
}

/** The newest run folder under a runs root (absolute), or undefined when there is none. */
export async function newestRunDir(runsRoot: string): Promise<string | undefined> {
  const names = await runDirNames(runsRoot);
  const newest = names.at(-1);
  return newest === undefined ? undefined : join(runsRoot, newest);
}
