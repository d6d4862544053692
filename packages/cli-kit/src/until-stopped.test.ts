import { describe, expect, it } from 'vitest';
import { untilStopped } from './until-stopped.js';

describe('untilStopped', () => {
  it('resolves when the signal aborts, and leaves no SIGINT/SIGTERM listener behind', async () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const controller = new AbortController();
    const waiting = untilStopped(controller.signal);
    expect(process.listenerCount('SIGINT')).toBe(before[0]! + 1);
    controller.abort();
    await waiting;
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });

  it('resolves at once for a signal that has already aborted', async () => {
    await expect(untilStopped(AbortSignal.abort())).resolves.toBeUndefined();
  });
});
