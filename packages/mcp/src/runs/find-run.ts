import { join } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { listRuns, type RunSummary } from '@planwright/run-store';
import type { PrPaths } from '../server/context.js';

/**
 * A run of the PR by its run id or folder name (default: the newest). Only runs listed under the PR's
 * runs root are found, so a run id cannot name a folder anywhere else.
 */
export async function findRun(paths: PrPaths, runId: string | undefined): Promise<RunSummary> {
  const runs = await listRuns({ runsRoot: paths.runsRoot });
  const run = runId === undefined ? runs[0] : runs.find((candidate) => candidate.run_id === runId || candidate.name === runId);
  if (run) return run;
  throw new UsageError(`${join(paths.runsRoot)}: ${runId === undefined ? 'no run yet' : `no run ${JSON.stringify(runId)}`}`, {
    hint: runId === undefined ? 'start one with start_run' : 'the run id start_run returned, or omit it for the newest run',
  });
}
