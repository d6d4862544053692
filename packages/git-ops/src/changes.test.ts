import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { git, isolatedGitEnv, tempGitRepo, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { changedFilesSince } from './changes.js';

const env = isolatedGitEnv();

describe('changedFilesSince', () => {
  it('lists committed, staged, unstaged and untracked changes once each, from the root', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a', 'b.txt': 'b', 'old.txt': 'o', 'sub/c.txt': 'c', '.gitignore': '*.log\n' } });
    const base = await git(repo, ['rev-parse', 'HEAD']);
    await writeFiles(repo, { 'a.txt': 'a2', 'committed.txt': 'x' });
    await git(repo, ['mv', 'old.txt', 'renamed.txt']);
    await git(repo, ['add', '--all']);
    await git(repo, ['commit', '--quiet', '-m', 'work']);
    await writeFiles(repo, { 'a.txt': 'a3', 'b.txt': 'b2', 'sub/new.txt': 'n', 'debug.log': '' });
    await git(repo, ['add', 'b.txt']);
    await rm(join(repo, 'sub/c.txt'));
    const files = await changedFilesSince({ cwd: join(repo, 'sub'), env, since: base });
    expect(files).toEqual(['a.txt', 'b.txt', 'committed.txt', 'old.txt', 'renamed.txt', 'sub/c.txt', 'sub/new.txt']);
  });

  it('is empty when nothing changed', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    expect(await changedFilesSince({ cwd: repo, env, since: 'HEAD' })).toEqual([]);
  });

  it('rejects an unknown commit with exit code 2', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    await expect(changedFilesSince({ cwd: repo, env, since: 'nope' })).rejects.toMatchObject({ exitCode: 2, name: 'UsageError' });
    await expect(changedFilesSince({ cwd: repo, env, since: '--all' })).rejects.toMatchObject({ exitCode: 2 });
  });
});
