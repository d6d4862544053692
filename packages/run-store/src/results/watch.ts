import { existsSync, watch, type FSWatcher } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Results } from '@planwright/plan-schema';
import { AbortError } from '../errors.js';
import { fsError } from '../fs-errors.js';
import type { RunLayout } from '../layout/run-layout.js';
import { checkResults, type ResultsCheck } from './check-results.js';

export interface WatchOptions {
  signal?: AbortSignal;
  /** The safety-net poll (default 1000 ms); file events are what normally wake the watcher. */
  pollMs?: number;
  /** Called after each look at the file (not for the done-file watcher). */
  onCheck?: (check: ResultsCheck) => void;
  /** Called once the watcher is set up and its first look found nothing to resolve with: it is waiting. */
  onReady?: () => void;
}

/**
 * Resolves with the first valid results of this task and run: fs.watch on the results folder wakes it
 * as soon as the file is written (a slow poll covers events fs.watch misses). A half-written file
 * (invalid JSON) or a stale one (another run or task) keeps it waiting. Rejects with an AbortError when
 * `signal` aborts.
 *
 * @example
 * const results = await watchForResults(layout, 'task_001', runId, { signal: controller.signal });
 */
export function watchForResults(layout: RunLayout, taskId: string, runId: string, options: WatchOptions = {}): Promise<Results> {
  return waitForFile(layout.resultsPath(taskId), options, async () => {
    const check = await checkResults(layout, taskId, runId);
    options.onCheck?.(check);
    return check.state === 'valid' ? check.results : undefined;
  });
}

/** Resolves with the path of done/<id>.done once it exists (the kit's done-file handshake). */
export function watchForDoneFile(layout: RunLayout, taskId: string, options: Omit<WatchOptions, 'onCheck'> = {}): Promise<string> {
  const file = layout.donePath(taskId);
  return waitForFile(file, options, async () => (existsSync(file) ? file : undefined));
}

async function waitForFile<T>(file: string, options: WatchOptions, probe: () => Promise<T | undefined>): Promise<T> {
  const { signal, pollMs = 1000 } = options;
  if (signal?.aborted) throw new AbortError('the wait was aborted before it started', { cause: signal.reason });
  const dir = dirname(file);
  const name = basename(file);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw fsError('create', dir, error);
  }
  return new Promise<T>((resolvePromise, reject) => {
    let done = false;
    let running = false;
    let again = false;
    let watcher: FSWatcher | undefined;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearInterval(timer);
      watcher?.close();
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = () => finish(() => reject(new AbortError('the wait was aborted', { cause: signal?.reason })));
    // Looks at the file; events that arrive during a look ask for one more, so the last write is never missed.
    const look = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          if (done) return;
          const value = await probe();
          if (value !== undefined) return finish(() => resolvePromise(value));
        } while (again);
      } catch (error) {
        finish(() => reject(error));
      } finally {
        running = false;
      }
    };
    const timer = setInterval(() => void look(), pollMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    // Aborted while the folder was being made: the listener came too late to hear it.
    if (signal?.aborted) return onAbort();
    try {
      watcher = watch(dir, (_event, changed) => {
        if (changed === null || changed === name) void look();
      });
      // A watcher that fails (folder removed, too many watches) leaves the poll to do the work.
      watcher.on('error', () => watcher?.close());
    } catch {
      watcher = undefined;
    }
    void look().then(() => {
      if (!done) options.onReady?.();
    });
  });
}
