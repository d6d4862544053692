import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processExists } from './process-exists.js';

describe('processExists', () => {
  it('is true for a running process, false once it has ended, and false for no pid at all', () => {
    expect(processExists(process.pid)).toBe(true);
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    expect(processExists(Number(ended.stdout))).toBe(false);
    for (const pid of [0, -1, Number.NaN, 1.5]) expect(processExists(pid)).toBe(false);
  });
});
