import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { deadPid } from './job-test-kit.js';
import { releaseSlotLock, takeSlotLock } from './slot-lock.js';

describe('slot locks', () => {
  it('one holder at a time: taken free, then refused to this process\'s other jobs until released', async () => {
    const lock = join(await tempDir(), 'slot.0.lock');
    expect(await takeSlotLock(lock)).toBe('free');
    expect(await takeSlotLock(lock)).toBeUndefined();
    await releaseSlotLock(lock);
    expect(existsSync(lock)).toBe(false);
    expect(await takeSlotLock(lock)).toBe('free');
  });

  it('a live process of this host, or any of another host, keeps its slot; a dead one, an earlier process with this pid, or a torn file do not', async () => {
    const dir = await tempDir();
    const held = async (text: string) => {
      const lock = join(dir, `${Math.random().toString(36).slice(2)}.lock`);
      await writeFile(lock, text);
      return takeSlotLock(lock);
    };
    expect(await held(`${hostname()} ${process.ppid} 0123456789ab`)).toBeUndefined();
    expect(await held(`another-host.invalid ${await deadPid()} 0123456789ab`)).toBeUndefined();
    expect(await held(`${hostname()} ${await deadPid()} 0123456789ab`)).toBe('taken-over');
    expect(await held(`${hostname()} ${process.pid} 0123456789ab`)).toBe('taken-over');
    expect(await held('')).toBe('taken-over');
  });

  it('release leaves a lock another process took over (this one was thought dead)', async () => {
    const lock = join(await tempDir(), 'slot.0.lock');
    await takeSlotLock(lock);
    await writeFile(lock, `${hostname()} ${process.ppid} 0123456789ab`);
    await releaseSlotLock(lock);
    expect(readFileSync(lock, 'utf8')).toBe(`${hostname()} ${process.ppid} 0123456789ab`);
  });
});
