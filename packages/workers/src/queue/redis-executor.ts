import type { AdoptedTask, ExecutorFactory, ExecuteHooks, RemoteTaskRequest, TaskExecutor } from '@planwright/agent-runner';
import { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { awaitJob, placementOf, type AwaitedJob } from './await-job.js';
import { parseQueueUrl } from './connection.js';
import { parseReport, parseRequest } from './job-data.js';
import { CANCEL_CHANNEL, heldKey, jobId, queueName, runJobsKey } from './names.js';
import { QueueSet } from './queue-set.js';
import { closeUnlessDown, unlessDown, watchReachability } from './reachability.js';

/** How long finished jobs and a run's list of jobs stay in Redis: a week, for a restarted coordinator. */
const KEEP_SECONDS = 7 * 24 * 3600;

/** How a job is retried when its worker throws (a stalled job is retried by the workers' stall check). */
const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  // Kept a week, so a restarted coordinator still finds what its jobs did (adopt).
  removeOnComplete: { age: KEEP_SECONDS },
  removeOnFail: { age: KEEP_SECONDS },
} as const;

const WAITING = new Set(['waiting', 'delayed', 'prioritized', 'paused', 'wait']);

/** Why the executes under way fail when the executor is closed. */
const CLOSED = 'the executor was closed';

/**
 * The executor of `planwright run --executor redis://…`: one BullMQ queue per agent (`planwright-<agent>`),
 * one job per task of a run (its id from pr, task id and run id, so none is sent twice), the workers'
 * progress as placements, their return value as the report. A bad URL is a UsageError naming `--executor`.
 *
 * @example
 * const executor = await createRedisExecutor('redis://127.0.0.1:6379', { notice: console.error });
 * const report = await executor.execute(request, { placed: console.log, signal });
 */
export const createRedisExecutor: ExecutorFactory = async (url, context) => {
  const { options, display } = parseQueueUrl(url, { flag: '--executor' });
  const client = new Redis(options);
  const reachability = watchReachability(client, display, context.notice);
  const queues = new QueueSet(options);
  const waiting = new Map<string, AwaitedJob>();
  let closed = false;

  const wait = async (queue: string, id: string, hooks: ExecuteHooks): Promise<AwaitedJob> => {
    const awaited = awaitJob({ queue: queues.queue(queue), events: await queues.events(queue), id, hooks });
    waiting.set(id, awaited);
    void awaited.report.catch(() => {}).finally(() => waiting.get(id) === awaited && waiting.delete(id));
    return awaited;
  };

  /** The run's jobs as [task id, queue name, job id]. */
  const runJobs = async (run: { pr: string; runId: string }): Promise<Array<[string, string, string]>> =>
    Object.entries(await client.hgetall(runJobsKey(run))).map(([taskId, queue]) => [taskId, queue, jobId({ ...run, taskId })]);

  /** Removes the run's jobs that no worker took yet (and keeps workers from taking one meanwhile). */
  const withdrawWaiting = async (run: { pr: string; runId: string }, reason: string): Promise<string[]> => {
    // Workers check this key when they take a job, for one taken between the listing and its removal.
    await client.set(heldKey(run), '1', 'EX', KEEP_SECONDS);
    const withdrawn: string[] = [];
    for (const [taskId, queue, id] of await runJobs(run)) {
      const job = await Job.fromId(queues.queue(queue), id);
      if (!job || !WAITING.has(await job.getState())) continue;
      // A worker may take it meanwhile: then it is locked, remove throws, and it runs (the held key stops it).
      const removed = await job.remove().then(() => true, () => false);
      if (!removed) continue;
      withdrawn.push(taskId);
      waiting.get(id)?.withdraw(reason);
    }
    return withdrawn;
  };
  const executor: TaskExecutor = {
    name: display,
    async execute(request: RemoteTaskRequest, hooks: ExecuteHooks) {
      parseRequest(request, 'request');
      const queue = queueName(request.settings.agent);
      const id = jobId({ pr: request.pr, taskId: request.task.id, runId: request.runId });
      const key = runJobsKey(request);
      // A job still being sent when close() comes (Redis gone: the commands wait for it) fails as the
      // jobs awaited fail then, not with the connection's own error.
      const closedOr = (error: unknown) => (closed ? new Error(CLOSED) : error);
      let awaited: AwaitedJob;
      try {
        await client.multi().hset(key, request.task.id, queue).expire(key, KEEP_SECONDS).exec();
        // Listen before adding: an instant job must not end unseen. Adding an id BullMQ already holds adds nothing.
        awaited = await wait(queue, id, hooks);
      } catch (error) {
        throw closedOr(error);
      }
      try {
        await queues.queue(queue).add('task', request, { ...JOB_OPTIONS, jobId: id });
      } catch (error) {
        const reason = closedOr(error) as Error;
        awaited.withdraw(reason.message);
        throw reason;
      }
      awaited.start();
      return awaited.report;
    },
    async adopt(job, hooks): Promise<AdoptedTask> {
      const id = jobId(job);
      const queue = await client.hget(runJobsKey(job), job.taskId);
      if (!queue) return { state: 'unknown' };
      // The state before the job, as awaitJob reads them (a completion in between leaves no stale report).
      const state = await queues.queue(queue).getJobState(id);
      const found = state === 'unknown' ? undefined : await Job.fromId(queues.queue(queue), id);
      if (!found) return { state: 'unknown' };
      if (state === 'completed') {
        try {
          return { state: 'finished', report: parseReport(found.returnvalue, `job ${id}: report`) };
        } catch (error) {
          return { state: 'failed', reason: (error as Error).message };
        }
      }
      if (state === 'failed') return { state: 'failed', reason: found.failedReason.split('\n')[0] ?? 'failed' };
      const awaited = await wait(queue, id, hooks);
      awaited.start();
      return { state: 'running', placement: placementOf(found.progress), report: awaited.report };
    },
    // Both fail at once while Redis is down: a stopping run says the workers were not told, and ends.
    holdLaunches: (run) => unlessDown(reachability, display, () => withdrawWaiting(run, 'withdrawn: launches held before a worker took it')),
    cancel: (run) =>
      unlessDown(reachability, display, async () => {
        // Jobs no worker took yet must not start later, when nobody integrates them; running ones are ended.
        await withdrawWaiting(run, 'interrupted: the coordinator cancelled the run before a worker took it');
        await client.publish(CANCEL_CHANNEL, JSON.stringify({ pr: run.pr, runId: run.runId }));
      }),
    async close() {
      closed = true;
      for (const awaited of waiting.values()) awaited.withdraw(CLOSED);
      const ended = await closeUnlessDown(reachability, async () => {
        await queues.close();
        await client.quit();
      }, () => {
        queues.disconnect();
        client.disconnect();
      });
      if (ended === 'dropped') context.notice(`${display} unreachable: closed without waiting for it`);
    },
  };
  return executor;
};
