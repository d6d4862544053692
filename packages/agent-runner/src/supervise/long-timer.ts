// Node's timers hold a signed 32-bit millisecond count: a delay past 2^31-1 ms (about 24.8 days) is
// replaced by 1 ms, with only a warning. `--timeout-minutes 40000` would end the agent at once, so every
// timer a user's number reaches is chained in pieces that fit.

/** The longest delay one Node timer can hold. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `callback` after `ms`, however long that is (chained timers of at most MAX_TIMER_MS), and returns
 * the function that cancels it. Not unref'd: a pending timeout keeps the process alive, as setTimeout does.
 *
 * @example
 * const cancel = setLongTimeout(() => end(), 40_000 * 60_000);
 */
export function setLongTimeout(callback: () => void, ms: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  const arm = (left: number) => {
    timer = setTimeout(() => {
      if (cancelled) return;
      if (left > MAX_TIMER_MS) arm(left - MAX_TIMER_MS);
      else callback();
    }, Math.min(Math.max(0, left), MAX_TIMER_MS));
  };
  arm(ms);
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}

/** An interval for a user-given period: never shorter than `minMs`, never past what a timer can hold. */
export function boundedIntervalMs(ms: number, minMs: number): number {
  return Math.min(Math.max(ms, minMs), MAX_TIMER_MS);
}
