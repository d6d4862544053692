import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, isolatedGitEnv, tempGitRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { branchNameFor } from './branch-name.js';
import { checkoutBranch } from './branch.js';

const env = isolatedGitEnv();

async function repoWithBranch(): Promise<{ repo: string; head: string }> {
  const repo = await tempGitRepo({ files: { 'a.txt': 'main\n', 'b.txt': 'b\n' } });
  await git(repo, ['switch', '--quiet', '--create', 'pr/pr-42']);
  await writeFile(join(repo, 'a.txt'), 'pr\n');
  await git(repo, ['commit', '--quiet', '--all', '-m', 'on the pr branch']);
  const head = await git(repo, ['rev-parse', 'HEAD']);
  await git(repo, ['switch', '--quiet', 'main']);
  return { repo, head };
}

describe('checkoutBranch', () => {
  it('creates the branch of a PR from HEAD, with <PR_NAME> replaced', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const head = await git(repo, ['rev-parse', 'HEAD']);
    expect(await checkoutBranch({ cwd: repo, env, pr: 'pr-7' })).toEqual({
      branch: 'pr/pr-7',
      action: 'created',
      previous: 'main',
      sha: head,
      carriedChanges: false,
    });
    expect(await git(repo, ['branch', '--show-current'])).toBe('pr/pr-7');
  });

  it('uses a custom template', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const result = await checkoutBranch({ cwd: repo, env, pr: 'pr-42', branch: 'feature/<PR_NAME>-work' });
    expect(result.branch).toBe('feature/pr-42-work');
  });

  it('switches to an existing branch, and is a no-op on the current one', async () => {
    const { repo, head } = await repoWithBranch();
    expect(await checkoutBranch({ cwd: repo, env, pr: 'pr-42' })).toMatchObject({ action: 'switched', sha: head, previous: 'main' });
    expect(await readFile(join(repo, 'a.txt'), 'utf8')).toBe('pr\n');
    expect(await checkoutBranch({ cwd: repo, env, pr: 'pr-42' })).toMatchObject({ action: 'current', previous: 'pr/pr-42' });
  });

  it('carries uncommitted changes that do not conflict', async () => {
    const { repo } = await repoWithBranch();
    await writeFile(join(repo, 'b.txt'), 'edited\n');
    await writeFile(join(repo, 'new.txt'), 'untracked\n');
    expect(await checkoutBranch({ cwd: repo, env, pr: 'pr-42' })).toMatchObject({ action: 'switched', carriedChanges: true });
    expect(await readFile(join(repo, 'b.txt'), 'utf8')).toBe('edited\n');
    expect(await git(repo, ['status', '--porcelain'])).toBe('M b.txt\n?? new.txt');
  });

  it('names the files when local changes would be overwritten, and changes nothing', async () => {
    const { repo } = await repoWithBranch();
    await writeFile(join(repo, 'a.txt'), 'local edit\n');
    await expect(checkoutBranch({ cwd: repo, env, pr: 'pr-42' })).rejects.toMatchObject({
      name: 'GitError',
      exitCode: 1,
      message: `cannot switch to pr/pr-42 in ${repo}: local changes to a.txt would be overwritten`,
      hint: expect.stringContaining('git stash'),
    });
    expect(await git(repo, ['branch', '--show-current'])).toBe('main');
    expect(await readFile(join(repo, 'a.txt'), 'utf8')).toBe('local edit\n');
  });

  it('rejects a bad branch name with a UsageError (exit 2) before touching the repository', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    for (const branch of ['bad..name', 'pr/<PR_NAME>.lock', '-x', 'with space', '@{-1}']) {
      await expect(checkoutBranch({ cwd: repo, env, pr: 'p', branch })).rejects.toMatchObject({
        name: 'UsageError',
        exitCode: 2,
        message: expect.stringContaining('is not a valid git branch name'),
      });
    }
    expect(await git(repo, ['branch', '--list'])).toBe('* main');
  });

  it('in a repository without commits, switches the unborn branch (as git checkout -b and the kit do)', async () => {
    const repo = await tempGitRepo();
    await writeFile(join(repo, 'new.txt'), 'x\n');
    expect(await checkoutBranch({ cwd: repo, env, pr: 'pr-1', branch: 'feat' })).toEqual({
      branch: 'feat', action: 'created', previous: 'main', sha: null, carriedChanges: true,
    });
    expect(await git(repo, ['symbolic-ref', '--short', 'HEAD'])).toBe('feat');
    expect(await checkoutBranch({ cwd: repo, env, pr: 'pr-1', branch: 'feat' })).toMatchObject({ action: 'current' });
    await git(repo, ['add', 'new.txt']);
    await git(repo, ['commit', '--quiet', '-m', 'first']);
    expect(await git(repo, ['branch', '--list'])).toBe('* feat');
  });
});

describe('branchNameFor', () => {
  it('replaces every <PR_NAME> and leaves a name without it alone', () => {
    expect(branchNameFor('pr/<PR_NAME>', 'pr-42')).toBe('pr/pr-42');
    expect(branchNameFor('<PR_NAME>/<PR_NAME>', 'x')).toBe('x/x');
    expect(branchNameFor('fixed')).toBe('fixed');
  });

  it('needs a PR name when the template has the placeholder', () => {
    expect(() => branchNameFor('pr/<PR_NAME>')).toThrow(expect.objectContaining({ exitCode: 2, hint: 'pass --pr' }));
  });
});
