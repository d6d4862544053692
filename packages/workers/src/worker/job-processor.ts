import type { RemoteTaskReport } from '@planwright/agent-runner';
import { UnrecoverableError, WaitingError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RunJob, RunJobContext } from '../job/run-job-type.js';
import type { Reachability } from '../queue/reachability.js';
import { parseReport, parseRequest } from '../queue/job-data.js';
import { heldKey } from '../queue/names.js';
import { jobOwnership } from './job-ownership.js';
import type { MachineSlots } from './machine-slots.js';
import type { RunningJob } from './registry.js';

/** A job this worker runs now, with the controller that ends its agent. */
export interface ActiveJob extends RunningJob {
  controller: AbortController;
}

export interface ProcessorOptions {
  host: string;
  name: string;
  cacheDir: string;
  allowRepos: readonly string[];
  runJob: RunJob;
  client: Redis;
  active: Map<string, ActiveJob>;
  changed: () => void;
  env?: NodeJS.ProcessEnv;
  onLine: (line: string) => void;
  /** Runs a job's cleanup after its report (see RunJobContext.afterReport), for the worker to wait for at stop. */
  afterReport: (work: () => Promise<void>) => void;
  /** Work for the worker's stop (see RunJobContext.atStop). */
  atStop: (key: string, work: () => Promise<void>) => void;
  /** The job lock's duration (renewed by the ownership check). */
  lockMs: number;
  reachability: Reachability;
  /** The worker's --concurrency across its queues: a job takes a slot before it starts. */
  slots: MachineSlots;
}

/** Why a job's signal aborted: the coordinator cancelled its run, or this worker was forced to stop. */
export type AbortReason = 'cancel' | 'shutdown';

/**
 * The BullMQ processor of a worker: takes one of the worker's slots (a job fetched when none is free goes
 * back to the front of its queue, not counted as an attempt), sets the placement as the job's progress,
 * checks the job, runs the job runner with a signal that cancel and forced shutdown abort, and returns its
 * checked report. Refusals (malformed job, repo not allowed, launches held, cancelled) are unrecoverable;
 * anything else is retried.
 */
export function jobProcessor(options: ProcessorOptions) {
  return async (job: Job, token?: string): Promise<RemoteTaskReport> => {
    if (!options.slots.tryTake()) {
      // Fetched by one queue's Worker while jobs of the others filled this worker: for another worker, or
      // this one once a slot frees. WaitingError tells BullMQ the job was moved, not failed.
      await job.moveToWait(token);
      options.onLine(`${job.id}: handed back to its queue (this worker is full)`);
      throw new WaitingError();
    }
    try {
      return await runTakenJob(options, job, token);
    } finally {
      options.slots.release();
    }
  };
}

/**
 * The attempt a start of the job is: its failed attempts and the times a dead or frozen worker lost it,
 * plus this one. Not BullMQ's attemptsStarted, which also counts the starts handed back for want of a slot.
 */
export function jobAttempt(job: Pick<Job, 'attemptsMade' | 'stalledCounter'>): number {
  return job.attemptsMade + job.stalledCounter + 1;
}

async function runTakenJob(options: ProcessorOptions, job: Job, token: string | undefined): Promise<RemoteTaskReport> {
  const placement = { host: options.host, worker: options.name, attempt: jobAttempt(job) };
  await job.updateProgress(placement);
  let request;
  try {
    request = parseRequest(job.data);
  } catch (error) {
    throw new UnrecoverableError((error as Error).message);
  }
  if (await options.client.exists(heldKey(request))) throw new UnrecoverableError('launches held: the run was stopped before this job started');
  const id = job.id ?? '';
  const controller = new AbortController();
  const since = new Date().toISOString();
  options.active.set(id, { pr: request.pr, task: request.task.id, runId: request.runId, attempt: placement.attempt, since, controller });
  options.changed();
  options.onLine(`${request.pr}/${request.task.id}: started (attempt ${placement.attempt})`);
  const context: RunJobContext = { placement, cacheDir: options.cacheDir, allowRepos: options.allowRepos, signal: controller.signal, env: options.env, onLine: options.onLine, afterReport: options.afterReport, atStop: options.atStop,
    ownsJob: jobOwnership(job, token, options.lockMs, options.reachability) };
  try {
    const report = await options.runJob(request, context);
    if (controller.signal.aborted) throw controller.signal.reason;
    const checked = parseReport(report, 'the job runner\'s report');
    options.onLine(`${request.pr}/${request.task.id}: ${checked.status}`);
    return checked;
  } catch (error) {
    throw refusal(controller.signal, error, options.name);
  } finally {
    options.active.delete(id);
    options.changed();
  }
}

// The job runner's errors that another attempt cannot fix (matched by name: the runner is loaded lazily):
// a repo not on --allow-repo, a job whose fields cannot name folders and refs safely.
const REFUSALS = new Set(['RepoNotAllowedError', 'BadJobError']);

function refusal(signal: AbortSignal, error: unknown, name: string): Error {
  const reason = signal.aborted ? (signal.reason as AbortReason) : undefined;
  if (reason === 'cancel') return new UnrecoverableError('interrupted: the coordinator cancelled the run');
  // Not unrecoverable: another worker takes the job again.
  if (reason === 'shutdown') return new Error(`worker ${name} stopped mid-task (forced shutdown)`);
  if (error instanceof Error && REFUSALS.has(error.name)) return new UnrecoverableError(error.message);
  return error instanceof Error ? error : new Error(String(error));
}
