import { existsSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { timestamp } from '@planwright/plan-schema';
import { errorCode, fsError } from '../fs-errors.js';
import { runLayout, type RunLayout } from '../layout/run-layout.js';

export interface RequestStopOptions {
  runDir: string;
  /** Where a relative runDir starts from (default process.cwd()). */
  cwd?: string;
}

/**
 * Creates `<runDir>/control/stop`: the orchestrator of that run launches no further task. Returns the
 * file's path. A folder that does not exist, or is not a run folder (no meta.json: a typo'd path, a home
 * folder), is a UsageError (exit 2) and nothing is created.
 *
 * @example
 * const file = await requestStop('/repo/.plans/pr-1/runs/20261124-101500-4242');
 */
export async function requestStop(options: string | RequestStopOptions): Promise<string> {
  const { runDir, cwd } = typeof options === 'string' ? { runDir: options, cwd: undefined } : options;
  const dir = resolve(cwd ?? process.cwd(), runDir);
  await assertRunDir(dir);
  const layout = runLayout(dir);
  if (!existsSync(layout.metaPath)) {
    throw new UsageError(`--run-dir ${dir}: not a run folder (no meta.json)`, { hint: 'see "run-store list --pr <PR>" for the runs of a PR' });
  }
  try {
    await mkdir(layout.controlDir, { recursive: true });
    // The kit only checks that the file exists; the time says when the stop was asked for.
    await writeFile(layout.stopPath, `${timestamp()}\n`);
  } catch (error) {
    throw fsError('create', layout.stopPath, error);
  }
  return layout.stopPath;
}

/** True when control/stop exists. Sync, for the scheduler's loop. */
export function isStopRequested(layout: RunLayout): boolean {
  return existsSync(layout.stopPath);
}

/** A UsageError (exit 2) unless `dir` is an existing folder. */
export async function assertRunDir(dir: string, flag = '--run-dir'): Promise<void> {
  try {
    if ((await stat(dir)).isDirectory()) return;
  } catch (error) {
    if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') throw fsError('read', dir, error);
  }
  throw new UsageError(`${flag} ${dir}: no such run folder`, {
    hint: 'see "run-store list --pr <PR>" for the runs of a PR',
  });
}
