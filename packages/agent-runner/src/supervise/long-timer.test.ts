import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_MS, setLongTimeout } from './long-timer.js';
import { timeoutAfter } from './waits.js';

describe('setLongTimeout', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits 40000 minutes, not the 1 ms a plain setTimeout of that length gives', () => {
    vi.useFakeTimers();
    const fired = vi.fn();
    setLongTimeout(fired, 40_000 * 60_000);
    vi.advanceTimersByTime(MAX_TIMER_MS);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(40_000 * 60_000 - MAX_TIMER_MS - 1);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it('can be cancelled between two pieces', () => {
    vi.useFakeTimers();
    const fired = vi.fn();
    const cancel = setLongTimeout(fired, 3 * MAX_TIMER_MS);
    vi.advanceTimersByTime(MAX_TIMER_MS + 5);
    cancel();
    vi.advanceTimersByTime(3 * MAX_TIMER_MS);
    expect(fired).not.toHaveBeenCalled();
  });

  it("timeoutAfter (a task's timeout_minutes: 99999) does not resolve early", async () => {
    vi.useFakeTimers();
    let done = false;
    void timeoutAfter(99_999 * 60_000, new AbortController().signal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS + 1_000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(99_999 * 60_000);
    expect(done).toBe(true);
  });
});
