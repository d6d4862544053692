import { existsSync } from 'node:fs';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { LockTimeoutError, withFileLock } from './file-lock.js';

async function deadPid(): Promise<number> {
  const child = execa('node', ['-e', '0']);
  await child;
  return child.pid!;
}

function lockContent(pid: number, token = 'other') {
  return JSON.stringify({ pid, host: hostname(), token, acquired_at: new Date().toISOString() });
}

describe('withFileLock', () => {
  it('lets one holder in at a time', async () => {
    const target = join(await tempDir(), 'plan.json');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        withFileLock(target, async () => {
          most = Math.max(most, ++inside);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(existsSync(`${target}.lock`)).toBe(false);
  });

  it('takes over a lock whose holder died (kill -9 leaves it behind)', async () => {
    const target = join(await tempDir(), 'plan.json');
    await writeFile(`${target}.lock`, lockContent(await deadPid()));
    expect(await withFileLock(target, async () => 'got it', { timeoutMs: 2_000 })).toBe('got it');
  });

  it('takes over an empty lock file left by a holder killed before it wrote its name', async () => {
    const target = join(await tempDir(), 'plan.json');
    await writeFile(`${target}.lock`, '');
    const old = new Date(Date.now() - 10_000);
    await utimes(`${target}.lock`, old, old);
    expect(await withFileLock(target, async () => 'got it', { timeoutMs: 2_000 })).toBe('got it');
  });

  it('waits for a fresh empty lock file (its holder may be writing it) rather than taking it', async () => {
    const target = join(await tempDir(), 'plan.json');
    await writeFile(`${target}.lock`, '');
    await expect(withFileLock(target, async () => 'never', { timeoutMs: 150 })).rejects.toThrow(LockTimeoutError);
  });

  it('creates the lock file already naming its holder, and leaves no draft behind', async () => {
    const dir = await tempDir();
    const target = join(dir, 'plan.json');
    const seen = await withFileLock(target, async () => ({ lock: await readFile(`${target}.lock`, 'utf8'), files: await readdir(dir) }));
    expect(JSON.parse(seen.lock)).toMatchObject({ pid: process.pid, host: hostname() });
    expect(seen.files).toEqual(['plan.json.lock']);
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes the draft of a dead holder when it breaks that holder\'s lock', async () => {
    const dir = await tempDir();
    const target = join(dir, 'plan.json');
    const dead = await deadPid();
    await writeFile(`${target}.lock`, lockContent(dead));
    await writeFile(`${target}.lock.${dead}-0badf00d`, lockContent(dead));
    await withFileLock(target, async () => undefined, { timeoutMs: 2_000 });
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock older than staleMs even if its holder lives', async () => {
    const target = join(await tempDir(), 'plan.json');
    await writeFile(`${target}.lock`, lockContent(process.pid));
    const old = new Date(Date.now() - 120_000);
    await utimes(`${target}.lock`, old, old);
    expect(await withFileLock(target, async () => 'got it', { timeoutMs: 2_000 })).toBe('got it');
  });

  it('times out with a clear error while a live holder keeps it', async () => {
    const target = join(await tempDir(), 'plan.json');
    await writeFile(`${target}.lock`, lockContent(process.pid));
    const attempt = withFileLock(target, async () => 'never', { timeoutMs: 150 });
    await expect(attempt).rejects.toThrow(LockTimeoutError);
    await expect(attempt).rejects.toThrow(`still locked by pid ${process.pid}`);
    // The holder's lock is not touched.
    expect(await readFile(`${target}.lock`, 'utf8')).toContain('"token":"other"');
  });

  it('does not remove a lock that another process took over', async () => {
    const target = join(await tempDir(), 'plan.json');
    await withFileLock(target, async () => {
      await writeFile(`${target}.lock`, lockContent(process.pid, 'the-new-holder'));
    });
    expect(await readFile(`${target}.lock`, 'utf8')).toContain('the-new-holder');
  });

  it('releases the lock when the work throws', async () => {
    const target = join(await tempDir(), 'plan.json');
    await expect(
      withFileLock(target, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(`${target}.lock`)).toBe(false);
  });
});
