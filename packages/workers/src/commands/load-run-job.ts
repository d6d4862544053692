import { PlanwrightError } from '@planwright/cli-kit';
import type { RunJob } from '../job/run-job-type.js';

// The job runner is `runTaskJob` in src/job/run-task-job.ts, built on its own branch (issue-14b1). Until it
// is merged here the specifier is a variable, so this package type-checks and builds without it.
// AFTER THE MERGE: replace the body with `return (await import('../job/run-task-job.js')).runTaskJob;`
// (a literal specifier, so tsup bundles it).
const RUN_TASK_JOB = '../job/run-task-job.js';

/** The worker command's job runner, loaded when the command runs (so `--help` stays fast). */
export async function loadRunJob(): Promise<RunJob> {
  const module = (await import(RUN_TASK_JOB).catch((error: Error) => {
    throw new PlanwrightError(`the job runner (runTaskJob) is not in this build: ${error.message}`, { hint: 'merge issue-14b1 and rebuild' });
  })) as { runTaskJob?: RunJob };
  if (!module.runTaskJob) throw new PlanwrightError('the job runner module exports no runTaskJob', { hint: 'merge issue-14b1 and rebuild' });
  return module.runTaskJob;
}
