import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, isolatedGitEnv, tempDir, tempGitRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { integrateBranch, MergeConflictError } from './integrate.js';
import { addWorktree } from './worktree.js';

const env = isolatedGitEnv();

async function taskBranch(repo: string, name: string, file: string, content: string) {
  const base = await git(repo, ['rev-parse', 'HEAD']);
  const path = join(await tempDir(), name);
  await addWorktree({ cwd: repo, path, branch: name, base, env });
  await writeFile(join(path, file), content);
  await git(path, ['add', '-A']);
  await git(path, ['commit', '-qm', `${name}: work`]);
  return base;
}

describe('integrateBranch', () => {
  it('fast-forwards when the checkout has not moved', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a\n' } });
    const base = await taskBranch(repo, 't1', 'b.txt', 'b\n');
    const result = await integrateBranch({ cwd: repo, branch: 't1', base, env });
    expect(result).toMatchObject({ method: 'fast-forward', commits: 1 });
    expect(await git(repo, ['log', '--format=%s', '-1'])).toBe('t1: work');
  });

  it('cherry-picks onto a checkout that moved on', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a\n' } });
    const base = await taskBranch(repo, 't1', 'b.txt', 'b\n');
    await writeFile(join(repo, 'c.txt'), 'c\n');
    await git(repo, ['add', '-A']);
    await git(repo, ['commit', '-qm', 'other task']);
    const result = await integrateBranch({ cwd: repo, branch: 't1', base, env });
    expect(result).toMatchObject({ method: 'cherry-pick', commits: 1 });
    expect(await git(repo, ['log', '--format=%s', '-2'])).toBe('t1: work\nother task');
  });

  it('names the conflicting paths and leaves the checkout as it was', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a\n' } });
    const base = await taskBranch(repo, 't1', 'a.txt', 'from the task\n');
    await writeFile(join(repo, 'a.txt'), 'from another task\n');
    await git(repo, ['commit', '-qam', 'other task']);
    const before = await git(repo, ['rev-parse', 'HEAD']);
    const error = await integrateBranch({ cwd: repo, branch: 't1', base, env }).catch((caught) => caught);
    expect(error).toBeInstanceOf(MergeConflictError);
    expect(error.paths).toEqual(['a.txt']);
    expect(await git(repo, ['rev-parse', 'HEAD'])).toBe(before);
    expect(await git(repo, ['status', '--porcelain'])).toBe('');
  });

  it('does nothing when the branch has no new commit', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a\n' } });
    const base = await git(repo, ['rev-parse', 'HEAD']);
    await git(repo, ['branch', 't1']);
    expect(await integrateBranch({ cwd: repo, branch: 't1', base, env })).toMatchObject({ method: 'nothing', commits: 0 });
  });
});
