import { Worker, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { hostname } from 'node:os';
import { endOrphanedJobs } from '../job/orphaned-jobs.js';
import type { RunJob } from '../job/run-job-type.js';
import { parseQueueUrl } from '../queue/connection.js';
import { CANCEL_CHANNEL, queueName } from '../queue/names.js';
import { closeUnlessDown, watchReachability } from '../queue/reachability.js';
import { jobProcessor, type AbortReason, type ActiveJob } from './job-processor.js';
import { MachineSlots } from './machine-slots.js';
import { keepRegistered, type WorkerInfo } from './registry.js';

export interface StartWorkerOptions {
  /** The queue URL (`--queue redis://…`); a bad one is a UsageError naming `--queue`. */
  queue: string;
  /** Jobs at once on this worker, whichever agent queues they come from (default 1). */
  concurrency?: number;
  /** The agents whose queues this worker takes jobs from (default codex). */
  agents?: readonly string[];
  /** Default `<host>-<pid>`. */
  name?: string;
  cacheDir: string;
  /** Remote URLs this worker takes jobs for; empty: any. */
  allowRepos?: readonly string[];
  runJob: RunJob;
  /** How long a job's lock lasts without renewal: a frozen or dead worker loses its job after it (default 30 s). */
  lockDurationMs?: number;
  /** How often workers look for jobs whose lock lapsed (default 30 s). */
  stalledIntervalMs?: number;
  /** How many times a job may be taken back from a dead worker before it fails (default 2). */
  maxStalledCount?: number;
  env?: NodeJS.ProcessEnv;
  /** A line of progress (jobs taken and ended, Redis unreachable and back, late completions refused). */
  onLine?: (line: string) => void;
}

/** A running worker. */
export interface StartedWorker {
  name: string;
  host: string;
  /** What it runs now. */
  info(): WorkerInfo;
  /**
   * Takes no new job; waits for the running ones (`force`: aborts them, left to retry elsewhere) and for
   * the cleanups of those that reported, removes the worktrees its jobs kept for the next ones, then closes.
   */
  stop(options?: { force?: boolean }): Promise<void>;
  /**
   * Settles once the worker has had nothing to do (no job running, no cleanup under way) for `ms` in a
   * row: for workers that should end when the work does (CI jobs, `--exit-when-idle`).
   */
  idle(ms: number): Promise<void>;
}

/**
 * Starts a worker: first ends the agents that workers which died mid-job left running in the cache (see
 * endOrphanedJobs), then a BullMQ Worker per agent queue, a registry entry kept alive in Redis, and the
 * cancel channel. Never prints or exits: lines go to `onLine`, signals are the caller's.
 *
 * @example
 * const worker = await startWorker({ queue: 'redis://127.0.0.1:6379', cacheDir, runJob: runTaskJob, onLine: console.log });
 * process.once('SIGINT', () => void worker.stop());
 */
export async function startWorker(options: StartWorkerOptions): Promise<StartedWorker> {
  const { options: connection, display } = parseQueueUrl(options.queue, { flag: '--queue' });
  const say = options.onLine ?? (() => {});
  const host = hostname();
  const name = options.name ?? `${host}-${process.pid}`;
  const agents = [...(options.agents ?? ['codex'])];
  const concurrency = options.concurrency ?? 1;
  const started = new Date().toISOString();
  const active = new Map<string, ActiveJob>();
  // Before any job: what workers that died mid-job left running in this cache.
  await endOrphanedJobs({ cacheDir: options.cacheDir, say });
  const client = new Redis(connection);
  const reachability = watchReachability(client, display, say);
  const subscriber = new Redis(connection);
  subscriber.on('error', () => {});
  const info = (): WorkerInfo => ({
    name, host, pid: process.pid, agents, concurrency, started,
    running: [...active.values()].map(({ controller: _, ...job }) => job),
  });
  const registry = keepRegistered(client, info);
  // When the worker last had something to do: a job starting or ending, a cleanup ending.
  let busyAt = Date.now();
  const changed = () => {
    busyAt = Date.now();
    registry.refresh();
  };
  const abort = (reason: AbortReason, match: (job: ActiveJob) => boolean) => {
    for (const job of active.values()) if (match(job)) job.controller.abort(reason);
  };
  subscriber.on('message', (_channel: string, text: string) => {
    const run = safeJson(text) as { pr?: string; runId?: string } | undefined;
    if (!run?.pr || !run.runId) return;
    say(`cancel: run ${run.runId} of ${run.pr}`);
    abort('cancel', (job) => job.pr === run.pr && job.runId === run.runId);
  });
  await subscriber.subscribe(CANCEL_CHANNEL);
  // Jobs' cleanups run after their reports; stopping waits for them, so a stopped worker leaves no worktree.
  const cleanups = new Set<Promise<void>>();
  const afterReport = (work: () => Promise<void>) => {
    const cleanup = work().finally(() => {
      cleanups.delete(cleanup);
      busyAt = Date.now();
    });
    cleanups.add(cleanup);
  };
  // What the job runner keeps between jobs (its worktrees), removed once the jobs and cleanups are over.
  const atStopWork = new Map<string, () => Promise<void>>();
  const atStop = (key: string, work: () => Promise<void>) => void atStopWork.set(key, work);
  const lockMs = options.lockDurationMs ?? 30_000;
  let stopping: Promise<void> | undefined;
  // --concurrency is this worker's, across its queues. With one queue BullMQ's own count is exact; with
  // several, their fetching pauses while the worker is full, so that it takes no job it would hand back.
  const slots = new MachineSlots(concurrency, (full) => {
    if (agents.length === 1) return;
    if (full) for (const worker of workers) void worker.pause(true);
    else if (!stopping) for (const worker of workers) void worker.resume();
  });
  const processor = jobProcessor({
    host, name, cacheDir: options.cacheDir, allowRepos: options.allowRepos ?? [], runJob: options.runJob,
    client, active, changed, env: options.env, onLine: say, afterReport, atStop, lockMs, reachability, slots,
  });
  const workers = agents.map((agent) => {
    const worker = new Worker(queueName(agent), processor, {
      connection: connection as ConnectionOptions,
      concurrency,
      name,
      lockDuration: lockMs,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: options.maxStalledCount ?? 2,
    });
    // A worker that was frozen past its lock comes back to a job another worker owns: BullMQ refuses its
    // completion with an error event; it is logged, the worker carries on.
    worker.on('error', (error) => say(`${queueName(agent)}: ${lateCompletion(error.message) ?? error.message}`));
    worker.on('failed', (job, error) => job && say(`${job.id}: failed (${error.message.split('\n')[0]})`));
    return worker;
  });
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  say(`worker ${name} on ${display}: ${agents.map(queueName).join(', ')} (concurrency ${concurrency})`);
  const jobsEnded = () =>
    new Promise<void>((resolve) => {
      const check = () => (active.size === 0 ? resolve() : setTimeout(check, 20));
      check();
    });
  return {
    name,
    host,
    info,
    idle: (ms) =>
      new Promise((resolve) => {
        const timer = setInterval(() => {
          if (active.size > 0 || cleanups.size > 0 || Date.now() - busyAt < ms) return;
          clearInterval(timer);
          resolve();
        }, Math.max(20, Math.min(1000, ms / 4)));
      }),
    async stop(stopOptions = {}) {
      if (stopOptions.force) abort('shutdown', () => true);
      stopping ??= (async () => {
        const closing = Promise.all(workers.map((worker) => worker.close()));
        // While Redis answers, BullMQ's close waits for every job it handed out, one still starting too.
        // Without Redis it would wait for ever: the jobs and their cleanups end here whatever Redis does.
        await Promise.race([closing, reachability.whenDown()]);
        await jobsEnded();
        await Promise.allSettled([...cleanups]);
        for (const work of atStopWork.values()) await work().catch(() => undefined);
        const ended = await closeUnlessDown(reachability, async () => {
          await closing;
          await registry.stop();
          await client.quit();
        }, () => {
          // Jobs whose end Redis never heard of lose their lock and go to another worker; the entry expires.
          registry.forget();
          for (const worker of workers) void worker.disconnect().catch(() => undefined);
          client.disconnect();
        });
        subscriber.disconnect();
        if (ended === 'dropped') say(`worker ${name}: ${display} unreachable: stopped without waiting for it`);
      })();
      await stopping;
    },
  };
}

/**
 * BullMQ's "Missing lock for job <id>. moveToFinished" (the other worker finished the job already) or
 * "Lock mismatch for job <id>. Cmd moveToFinished from active" (it still runs it) said the way a person reads it.
 */
function lateCompletion(message: string): string | undefined {
  const id = /^(?:Missing lock|Lock mismatch) for job (\S+?)\. (?:Cmd )?(\w+)/.exec(message);
  return id ? `${id[1]}: late ${id[2]} refused (its lock lapsed; another worker owns the job now)` : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
