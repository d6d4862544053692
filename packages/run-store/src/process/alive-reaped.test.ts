import { describe, expect, it, vi } from 'vitest';

// A zombie reaped between isProcessAlive's two looks: the pid still answered kill(0), then its stat is gone.
vi.mock('./proc-stat.js', async (original) => ({ ...(await original<typeof import('./proc-stat.js')>()), hasProcFs: true, readProcStat: () => undefined }));

const { isProcessAlive } = await import('./alive.js');

describe('isProcessAlive, a process reaped while it looks', () => {
  it('is gone, not alive, when its stat vanished after the existence check', () => {
    expect(isProcessAlive(process.pid)).toBe(false);
  });
});
