import { join } from 'node:path';
import { runDirNames } from '../layout/run-dirs.js';
import { mapLimit } from '../map-limit.js';
import { locateRuns, type RunsLocation } from './locate-runs.js';
import { metaTaskIds, readMetaLoosely, text } from './run-files.js';
import { readStopReason, type StopReason } from './stop-reason.js';

/** One run in a list: what its meta.json says. */
export interface RunSummary {
  run_dir: string;
  /** The folder's name. */
  name: string;
  /** meta.json's invocation_run_id. */
  run_id: string | null;
  /** meta.json's status; `unknown` without a readable meta.json. */
  status: string;
  created_at: string | null;
  updated_at: string | null;
  tasks: string[];
  /** Why the run stopped (meta.json's `stopped_because`); null while it runs, and for older runs. */
  stopped_because: StopReason | null;
  /** Why meta.json could not be read, if it could not. */
  problem: string | null;
}

/**
 * The runs of a PR, newest first, from their meta.json alone (never a log), so thousands of runs list
 * quickly. A missing runs root has no runs.
 *
 * @example
 * const [latest] = await listRuns({ runsRoot: '/repo/.plans/pr-1/runs' });
 */
export async function listRuns(options: { runsRoot: string }): Promise<RunSummary[]> {
  const names = (await runDirNames(options.runsRoot)).reverse();
  return mapLimit(names, 32, async (name): Promise<RunSummary> => {
    const runDir = join(options.runsRoot, name);
    const { meta, problem } = await readMetaLoosely(runDir);
    return {
      run_dir: runDir,
      name,
      run_id: text(meta, 'invocation_run_id') ?? null,
      status: text(meta, 'status') ?? 'unknown',
      created_at: text(meta, 'created_at') ?? null,
      updated_at: text(meta, 'updated_at') ?? text(meta, 'created_at') ?? null,
      tasks: metaTaskIds(meta),
      stopped_because: readStopReason(meta?.stopped_because),
      problem: problem ?? (meta ? null : 'no meta.json'),
    };
  });
}

/** The runs of a PR located by --repo/--pr/--run-root, with the folder they were looked for in. */
export async function listPrRuns(options: RunsLocation): Promise<{ runs_root: string; runs: RunSummary[] }> {
  const { runsRoot } = locateRuns(options);
  return { runs_root: runsRoot, runs: await listRuns({ runsRoot }) };
}
