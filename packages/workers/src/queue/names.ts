/** The BullMQ queue of one agent: workers of that agent take its jobs. */
export function queueName(agent: string): string {
  return `planwright-${agent}`;
}

/**
 * The job id of a task of a run: the same task of the same run is never enqueued twice (BullMQ keeps one job
 * per id). BullMQ refuses `:` in ids; pr and task ids cannot hold one, run ids neither, but a stray one is
 * replaced rather than trusted.
 */
export function jobId(job: { pr: string; taskId: string; runId: string }): string {
  return [job.pr, job.taskId, job.runId].map((part) => part.replaceAll(':', '_')).join('__');
}

/** The Redis key prefix of every planwright key that is not BullMQ's own. */
export const KEY_PREFIX = 'planwright';

/**
 * Where the executor notes which queue holds each task's job of a run (task id -> queue): adopt and
 * holdLaunches know the run and the task, not the agent. One hash per run, expiring with the jobs.
 */
export function runJobsKey(run: { pr: string; runId: string }): string {
  return `${KEY_PREFIX}:jobs:${run.pr}:${run.runId}`;
}

/** The pub/sub channel on which the coordinator cancels a run's running jobs. */
export const CANCEL_CHANNEL = `${KEY_PREFIX}:cancel`;

/** The key a worker keeps alive while it runs. */
export function workerKey(name: string): string {
  return `${KEY_PREFIX}:workers:${name}`;
}

/** Set by holdLaunches: a worker that takes a job of this run anyway (a race) refuses it. */
export function heldKey(run: { pr: string; runId: string }): string {
  return `${KEY_PREFIX}:held:${run.pr}:${run.runId}`;
}
