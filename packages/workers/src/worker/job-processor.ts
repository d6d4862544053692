import type { RemoteTaskReport } from '@planwright/agent-runner';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RunJob, RunJobContext } from '../job/run-job-type.js';
import type { Reachability } from '../queue/reachability.js';
import { parseReport, parseRequest } from '../queue/job-data.js';
import { heldKey } from '../queue/names.js';
import { jobOwnership } from './job-ownership.js';
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
}

/** Why a job's signal aborted: the coordinator cancelled its run, or this worker was forced to stop. */
export type AbortReason = 'cancel' | 'shutdown';

/**
 * The BullMQ processor of a worker: sets the placement as the job's progress, checks the job, runs the job
 * runner with a signal that cancel and forced shutdown abort, and returns its checked report. Refusals
 * (malformed job, repo not allowed, launches held, cancelled) are unrecoverable; anything else is retried.
 */
export function jobProcessor(options: ProcessorOptions) {
  return async (job: Job, token?: string): Promise<RemoteTaskReport> => {
    const placement = { host: options.host, worker: options.name, attempt: Math.max(1, job.attemptsStarted) };
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
  };
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
