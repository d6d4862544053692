import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { git, isolatedGitEnv, tempDir, tempGitRepo, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { changedBetween, snapshotWorkTree } from './snapshot.js';

const env = isolatedGitEnv();

describe('snapshotWorkTree and changedBetween', () => {
  it('see every change on disk, tracked or not, ignored files aside, and leave the index alone', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a', 'gone.txt': 'g', 'sub/c.txt': 'c', '.gitignore': '*.log\n' } });
    await writeFiles(repo, { 'staged.txt': 's', 'before.txt': 'untracked before' });
    await git(repo, ['add', 'staged.txt']);
    const before = await snapshotWorkTree({ cwd: join(repo, 'sub'), env });
    await writeFiles(repo, { 'a.txt': 'a2', 'sub/new.txt': 'n', 'debug.log': 'ignored', 'staged.txt': 's2' });
    await rm(join(repo, 'gone.txt'));
    const after = await snapshotWorkTree({ cwd: repo, env });
    expect(await changedBetween({ cwd: repo, env, from: before, to: after })).toEqual(['a.txt', 'gone.txt', 'staged.txt', 'sub/new.txt']);
    // The real index still stages only what the test staged, as it was staged.
    expect(await git(repo, ['diff', '--cached', '--name-only'])).toBe('staged.txt');
    expect(await git(repo, ['show', ':staged.txt'])).toBe('s');
    expect(await changedBetween({ cwd: repo, env, from: after, to: await snapshotWorkTree({ cwd: repo, env }) })).toEqual([]);
  });

  it('leaves out the folders it is told to', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const exclude = [join(repo, '.plans'), 'runs', '/elsewhere'];
    const before = await snapshotWorkTree({ cwd: repo, env, exclude });
    await writeFiles(repo, { '.plans/pr-1/plan.json': '{}', 'runs/r1/meta.json': '{}', 'b.txt': 'b' });
    expect(await changedBetween({ cwd: repo, env, from: before, to: await snapshotWorkTree({ cwd: repo, env, exclude }) })).toEqual(['b.txt']);
  });

  it('works in a repository without a commit', async () => {
    const repo = await tempDir();
    await git(repo, ['init', '--quiet']);
    const before = await snapshotWorkTree({ cwd: repo, env });
    await writeFiles(repo, { 'first.txt': '1' });
    expect(await changedBetween({ cwd: repo, env, from: before, to: await snapshotWorkTree({ cwd: repo, env }) })).toEqual(['first.txt']);
  });
});
