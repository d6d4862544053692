import type { ExecuteHooks, RemoteTaskReport, TaskPlacement } from '@planwright/agent-runner';
import { Job, type Queue, type QueueEvents } from 'bullmq';
import { PlacementSchema, parseReport } from './job-data.js';

export interface AwaitJobOptions {
  queue: Queue;
  events: QueueEvents;
  id: string;
  hooks: ExecuteHooks;
  /**
   * How often the job's state is read besides the events (they are lost while Redis is down); 5 s by
   * default: each read is two round trips and a decode of the job, for every job in flight.
   */
  pollMs?: number;
}

/** A job being waited for; `withdraw` rejects it at once (holdLaunches removed it). */
export interface AwaitedJob {
  report: Promise<RemoteTaskReport>;
  withdraw: (reason: string) => void;
  /**
   * Starts reading the job's state (now, then every `pollMs`). Called once the job is in the queue: a job
   * not there yet would read as withdrawn (the events are listened to from the start).
   */
  start: () => void;
}

/** The placement a worker set as the job's progress, if any. */
export function placementOf(progress: unknown): TaskPlacement | undefined {
  const parsed = PlacementSchema.safeParse(progress);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Waits for a job's end: resolves with its (checked) report, rejects when it failed for good, was removed,
 * or `hooks.signal` aborted. Calls `hooks.placed` once per attempt. Events give the fast path; a poll of
 * the job's state every `pollMs` covers events missed during a Redis outage or before the stream listened.
 */
export function awaitJob(options: AwaitJobOptions): AwaitedJob {
  const { queue, events, id, hooks } = options;
  let lastAttempt = 0;
  let settled = false;
  let withdraw: (reason: string) => void = () => {};
  let start: () => void = () => {};
  const report = new Promise<RemoteTaskReport>((resolve, reject) => {
    const place = (progress: unknown) => {
      const placement = placementOf(progress);
      if (!placement || placement.attempt <= lastAttempt) return;
      lastAttempt = placement.attempt;
      hooks.placed(placement);
    };
    const finish = (error: Error | undefined, value?: RemoteTaskReport) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      events.off('progress', onProgress);
      events.off('completed', onEnd);
      events.off('failed', onEnd);
      events.off('removed', onEnd);
      hooks.signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(value as RemoteTaskReport);
    };
    const check = async () => {
      // The state first, then the job: a job read before its state would carry no return value yet if it
      // completed in between (the state and the return value change together).
      const state = await queue.getJobState(id);
      const job = state === 'unknown' || settled ? undefined : await Job.fromId(queue, id);
      if (settled) return;
      if (!job) return finish(new Error('withdrawn: the job is no longer in the queue'));
      place(job.progress);
      if (state === 'completed') {
        try {
          finish(undefined, parseReport(job.returnvalue, `job ${id}: report`));
        } catch (error) {
          finish(error as Error);
        }
      } else if (state === 'failed') finish(new Error(oneLine(job.failedReason || 'failed')));
    };
    const poll = () => void check().catch(() => {});
    const onProgress = ({ jobId, data }: { jobId: string; data: unknown }) => jobId === id && place(data);
    const onEnd = ({ jobId }: { jobId: string }) => jobId === id && poll();
    const onAbort = () => finish(new Error('interrupted'));
    withdraw = (reason) => finish(new Error(reason));
    events.on('progress', onProgress);
    events.on('completed', onEnd);
    events.on('failed', onEnd);
    events.on('removed', onEnd);
    hooks.signal.addEventListener('abort', onAbort, { once: true });
    let timer: NodeJS.Timeout | undefined;
    start = () => {
      if (settled || timer) return;
      timer = setInterval(poll, options.pollMs ?? 5000);
      poll();
    };
    if (hooks.signal.aborted) onAbort();
  });
  return { report, withdraw: (reason) => withdraw(reason), start: () => start() };
}

function oneLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
