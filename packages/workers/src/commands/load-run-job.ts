import type { RunJob } from '../job/run-job-type.js';

/** The worker command's job runner, loaded when the command runs (so `--help` stays fast). */
export async function loadRunJob(): Promise<RunJob> {
  return (await import('../job/run-task-job.js')).runTaskJob;
}
