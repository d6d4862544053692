// The races a supervisor runs (timeout, interrupt) as promises that settle at most once and leave nothing
// behind: `cancel` aborts when the supervision ends, clearing the timer or taking the listener back, since
// the caller's signal outlives one task and a listener left per task would pile up over a run.

import { setLongTimeout } from './long-timer.js';

/**
 * Resolves after `ms`, of any length (never when ms <= 0); once `cancel` aborts it stays pending and the
 * timer is cleared.
 */
export function timeoutAfter(ms: number, cancel: AbortSignal): Promise<void> {
  if (ms <= 0) return new Promise(() => undefined);
  return new Promise((resolve) => {
    const clear = setLongTimeout(resolve, ms);
    cancel.addEventListener('abort', clear, { once: true });
  });
}

/** Resolves when `signal` aborts (never without one); its listener goes when `cancel` aborts. */
export function abortedBy(signal: AbortSignal | undefined, cancel: AbortSignal): Promise<void> {
  if (!signal) return new Promise(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const onAbort = () => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    cancel.addEventListener('abort', () => signal.removeEventListener('abort', onAbort), { once: true });
  });
}
