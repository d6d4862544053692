import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, tempDir, tempGitRepo, writeFiles } from './index.js';

describe('tempDir', () => {
  let leftBehind = '';

  it('makes a folder that exists during the test', async () => {
    leftBehind = await tempDir();
    await writeFiles(leftBehind, { 'a/b.txt': 'hi' });
    expect(await readFile(join(leftBehind, 'a/b.txt'), 'utf8')).toBe('hi');
  });

  it('removed the previous test folder once that test finished', () => {
    expect(leftBehind).not.toBe('');
    expect(existsSync(leftBehind)).toBe(false);
  });
});

/** A promise and its resolve (Node 20 has no Promise.withResolvers). */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

// Concurrent tests share vitest's one "current test": a folder tied to it by the global hook is removed
// when the sibling started last finishes, while its own test may still be using it.
describe('tempDir in concurrent tests, with the test context\'s onTestFinished', () => {
  let kept = '';
  const later = signal();
  const made = signal();
  const siblingFinished = signal();

  it.concurrent('keeps its folder while a sibling started later finishes first', async ({ expect, onTestFinished }) => {
    await later.promise;
    kept = await tempDir('planwright-concurrent-', { onTestFinished });
    made.resolve();
    await siblingFinished.promise;
    expect(existsSync(kept)).toBe(true);
  });

  it.concurrent('(the sibling that finishes first)', async ({ onTestFinished }) => {
    // Registered first, so it runs last among this test's finish hooks (they run in reverse order).
    onTestFinished(() => siblingFinished.resolve());
    later.resolve();
    await made.promise;
  });

  it('removes it once its own test finished', () => {
    expect(kept).not.toBe('');
    expect(existsSync(kept)).toBe(false);
  });
});

describe('tempDir in a concurrent test, without the context\'s onTestFinished', () => {
  it.concurrent('refuses, saying what to pass, and creates nothing', async ({ expect }) => {
    const prefix = `planwright-refused-${process.pid}-${Date.now()}-`;
    await expect(tempDir(prefix)).rejects.toThrow("pass the test context's onTestFinished");
    expect((await readdir(tmpdir())).filter((name) => name.startsWith(prefix))).toEqual([]);
  });
});

describe('tempGitRepo', () => {
  it('initialises a repo on main with an identity and no commit', async () => {
    const repo = await tempGitRepo();
    expect(await git(repo, ['symbolic-ref', '--short', 'HEAD'])).toBe('main');
    expect(await git(repo, ['config', 'user.email'])).toBe('test@planwright.invalid');
    await expect(git(repo, ['rev-parse', 'HEAD'])).rejects.toThrow();
  });

  it('commits the given files', async () => {
    const repo = await tempGitRepo({ files: { 'README.md': '# x\n' } });
    expect(await git(repo, ['ls-files'])).toBe('README.md');
  });
});
