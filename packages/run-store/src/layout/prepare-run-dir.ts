import { constants, existsSync } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { stringifyJson, writeFileAtomic, type Handshake } from '@planwright/plan-schema';
import { errorCode, fsError } from '../fs-errors.js';
import { newestRunDir } from './run-dirs.js';
import { newRunDirName } from './run-id.js';
import { runLayout, type RunLayout } from './run-layout.js';

export interface PrepareRunDirOptions {
  /** The PR's runs root (see prRunsRoot). */
  runsRoot: string;
  /** Use this folder (the kit's `--run-dir`), created if missing. */
  runDir?: string;
  /** Reuse the newest run folder under runsRoot instead of making a new one (`--reuse-run`). */
  reuse?: boolean;
  compact?: boolean;
  handshake: Handshake;
  /** The time in the new folder's name (default now). */
  now?: Date;
}

/**
 * Picks and creates the run folder of an invocation: `runDir` when given, else the newest existing one
 * with `reuse`, else a new `<runsRoot>/<YYYYmmdd-HHMMSS-pid>`. Creates tasks/, results/, control/ (and
 * done/ in done-file mode). A folder that cannot be created or written is a RunStoreError naming it.
 *
 * @example
 * const layout = await prepareRunDir({ runsRoot: '/repo/.plans/pr-1/runs', handshake: 'results-json' });
 */
export async function prepareRunDir(options: PrepareRunDirOptions): Promise<RunLayout> {
  let runDir: string;
  if (options.runDir) {
    runDir = resolve(options.runDir);
    await makeDir(runDir, 'create the run folder');
  } else {
    const runsRoot = resolve(options.runsRoot);
    await makeDir(runsRoot, 'create the runs folder');
    const reused = options.reuse ? await newestRunDir(runsRoot) : undefined;
    runDir = reused ?? (await createNewRunDir(runsRoot, newRunDirName(options.now)));
  }
  try {
    await access(runDir, constants.W_OK);
  } catch (error) {
    throw fsError('write to the run folder', runDir, error);
  }
  const layout = runLayout(runDir, { compact: options.compact ?? false });
  const folders = [layout.tasksDir, layout.resultsDir, layout.controlDir];
  if (options.handshake === 'done-file') folders.push(layout.doneDir);
  for (const folder of folders) await makeDir(folder, 'create');
  return layout;
}

/**
 * Writes `<run>/plan/plan.json`, the plan as the run started it plus `extra` (the kit adds plan_dir,
 * code_dir and run_dir). Compact runs keep no snapshot: returns undefined and writes nothing.
 */
export async function writePlanSnapshot(
  layout: RunLayout,
  plan: object,
  extra: Record<string, unknown> = {},
): Promise<string | undefined> {
  if (layout.compact) return undefined;
  await makeDir(dirname(layout.planSnapshotPath), 'create');
  try {
    await writeFileAtomic(layout.planSnapshotPath, stringifyJson({ ...plan, ...extra }));
  } catch (error) {
    throw fsError('write', layout.planSnapshotPath, error);
  }
  return layout.planSnapshotPath;
}

async function makeDir(dir: string, action: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw fsError(action, dir, errorCode(error) === 'ENOENT' ? await mkdirCause(dir, error) : error);
  }
}

/**
 * Node's recursive mkdir reports a folder it may not create in (a read-only file system: EROFS) as
 * ENOENT, which would send people looking for a missing folder. A plain mkdir of the first missing
 * folder on the way tells the real reason.
 */
async function mkdirCause(dir: string, reported: unknown): Promise<unknown> {
  let first = dir;
  while (dirname(first) !== first && !existsSync(dirname(first))) first = dirname(first);
  try {
    await mkdir(first);
    return reported;
  } catch (error) {
    return errorCode(error) === 'EEXIST' ? reported : error;
  }
}

/** Two invocations of one process within one second would share a name: the second gets `-2`. */
async function createNewRunDir(runsRoot: string, name: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const dir = join(runsRoot, attempt === 1 ? name : `${name}-${attempt}`);
    try {
      await mkdir(dir);
      return dir;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST' || attempt >= 100) throw fsError('create the run folder', dir, error);
    }
  }
}
