import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, isolatedGitEnv, tempDir, tempGitRepo, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { commitTask, taskCommitMessage } from './commit-task.js';
import { headSha } from './repo.js';

const env = isolatedGitEnv();

describe('commitTask', () => {
  it('commits every change as "<id>: <title>" and returns the sha', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a', 'gone.txt': 'x' } });
    await writeFiles(repo, { 'a.txt': 'changed', 'src/new.ts': 'export {};' });
    await rm(join(repo, 'gone.txt'));
    const result = await commitTask({ cwd: repo, env, taskId: 'task_001', title: 'Add the parser' });
    expect(result).toEqual({
      committed: true,
      sha: await git(repo, ['rev-parse', 'HEAD']),
      message: 'task_001: Add the parser',
      files: ['a.txt', 'gone.txt', 'src/new.ts'],
    });
    expect(await git(repo, ['log', '-1', '--format=%s'])).toBe('task_001: Add the parser');
    expect(await git(repo, ['status', '--porcelain'])).toBe('');
  });

  it('commits only the given paths and leaves the rest as it was', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a', 'b.txt': 'b' } });
    await writeFiles(repo, { 'a.txt': 'a2', 'b.txt': 'b2', 'src/new.ts': '', 'other.txt': '' });
    await git(repo, ['add', 'b.txt']);
    const result = await commitTask({ cwd: repo, env, taskId: 'task_002', title: 'Part', paths: ['a.txt', 'src'] });
    expect(result).toMatchObject({ committed: true, files: ['a.txt', 'src/new.ts'] });
    expect(await git(repo, ['status', '--porcelain'])).toBe('M  b.txt\n?? other.txt');
  });

  it('returns committed: false when there is nothing to commit', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const head = await git(repo, ['rev-parse', 'HEAD']);
    expect(await commitTask({ cwd: repo, env, taskId: 'task_003', title: 'Nothing' })).toEqual({
      committed: false,
      message: 'task_003: Nothing',
    });
    await writeFile(join(repo, 'other.txt'), 'not this task');
    expect(await commitTask({ cwd: repo, env, taskId: 'task_003', paths: ['a.txt'] })).toMatchObject({ committed: false });
    expect(await git(repo, ['rev-parse', 'HEAD'])).toBe(head);
  });

  it('skips paths without changes, missing or ignored, and takes staged deletions and odd names', async () => {
    const repo = await tempGitRepo({ files: { 'sub/a.txt': '1', 'gone.txt': '1', 'we*ird.txt': '1', '.gitignore': '*.log\n' } });
    await git(repo, ['rm', '--quiet', 'gone.txt']);
    await writeFiles(repo, { 'sub/a.txt': '2', 'sub/new.txt': 'n', 'debug.log': '', 'we*ird.txt': '2', 'other.txt': '' });
    const result = await commitTask({
      cwd: join(repo, 'sub'),
      env,
      taskId: 't',
      paths: ['.', '../gone.txt', '../debug.log', '../missing.txt', '../we*ird.txt'],
    });
    expect(result).toMatchObject({ committed: true, files: ['gone.txt', 'sub/a.txt', 'sub/new.txt', 'we*ird.txt'] });
    expect(await git(repo, ['status', '--porcelain'])).toBe('?? other.txt');
    expect(await commitTask({ cwd: repo, env, taskId: 't', paths: ['missing.txt', 'debug.log'] })).toEqual({
      committed: false,
      message: 't',
    });
  });

  it('makes the first commit of a repository too', async () => {
    const repo = await tempGitRepo();
    await writeFiles(repo, { 'a.txt': 'a' });
    expect(await commitTask({ cwd: repo, env, taskId: 't1', paths: ['a.txt'] })).toMatchObject({ committed: true, files: ['a.txt'] });
  });
});

describe('commitTask, the lean way (listFiles: false, deferHousekeeping)', () => {
  /** The git commands a call ran, in order (GIT_TRACE's `built-in: git <command>` lines). */
  async function traced<T>(work: (traceEnv: Record<string, string | undefined>) => Promise<T>): Promise<{ result: T; commands: string[] }> {
    const trace = join(await tempDir('planwright-trace-'), 'trace.txt');
    const result = await work({ ...env, GIT_TRACE: trace });
    const text = await readFile(trace, 'utf8').catch(() => '');
    return { result, commands: [...text.matchAll(/built-in: git (?:-c \S+ )*(\S+)/g)].map((match) => match[1]!) };
  }

  it('commits in three git processes (add, commit, rev-parse): no file list, no housekeeping', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    await writeFiles(repo, { 'a.txt': 'a2', 'b.txt': 'b' });
    const { result, commands } = await traced((traceEnv) => commitTask({ cwd: repo, env: traceEnv, taskId: 't1', title: 'Lean', listFiles: false, deferHousekeeping: true }));
    expect(result).toEqual({ committed: true, sha: await git(repo, ['rev-parse', 'HEAD']), message: 't1: Lean' });
    expect(commands).toEqual(['add', 'commit', 'rev-parse']);
  });

  it('nothing to commit is told by the commit itself, in two processes', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const { result, commands } = await traced((traceEnv) => commitTask({ cwd: repo, env: traceEnv, taskId: 't1', listFiles: false }));
    expect(result).toEqual({ committed: false, message: 't1' });
    expect(commands).toEqual(['add', 'commit']);
  });

  it('a commit a hook refuses is an error that says what the hook said, not "nothing to commit"', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    await writeFiles(repo, { 'b.txt': 'b' });
    const hook = join(repo, '.git', 'hooks', 'pre-commit');
    await mkdir(join(repo, '.git', 'hooks'), { recursive: true });
    await writeFile(hook, '#!/bin/sh\necho "lint failed: b.txt" >&2\nexit 1\n');
    await chmod(hook, 0o755);
    await expect(commitTask({ cwd: repo, env, taskId: 't1' })).rejects.toThrow(`git commit failed in ${repo}: lint failed: b.txt`);
  });
});

describe('headSha', () => {
  it('reads a detached HEAD from the HEAD file of an absolute GIT_DIR, without git', async () => {
    const gitDir = await tempDir();
    const sha = 'ab'.repeat(20);
    await writeFile(join(gitDir, 'HEAD'), `${sha}\n`);
    // Not a repository at all: git would fail; the HEAD file alone answers.
    expect(await headSha({ cwd: gitDir, env: { ...env, GIT_DIR: gitDir } })).toBe(sha);
  });

  it('asks git when HEAD names a branch', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    expect(await headSha({ cwd: repo, env: { ...env, GIT_DIR: join(repo, '.git') } })).toBe(await git(repo, ['rev-parse', 'HEAD']));
  });
});

describe('taskCommitMessage', () => {
  it('puts the title on one line and refuses an empty id', () => {
    expect(taskCommitMessage('task_001', '  Fix\n the   thing ')).toBe('task_001: Fix the thing');
    expect(taskCommitMessage('task_001')).toBe('task_001');
    expect(() => taskCommitMessage(' ')).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});
