import { existsSync } from 'node:fs';
import { realpath, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, isolatedGitEnv, tempDir, tempGitRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { addWorktree, listWorktrees, pruneWorktrees, removeWorktree } from './worktree.js';

const env = isolatedGitEnv();

async function setup(): Promise<{ repo: string; place: string; head: string }> {
  // Real paths, because `git worktree list` prints them resolved.
  const repo = await realpath(await tempGitRepo({ files: { 'a.txt': 'a' } }));
  const place = await realpath(await tempDir('planwright-wt-'));
  return { repo, place, head: await git(repo, ['rev-parse', 'HEAD']) };
}

describe('worktrees', () => {
  it('adds a worktree on a new branch from a base, and one on an existing branch, and lists them', async () => {
    const { repo, place, head } = await setup();
    await git(repo, ['branch', 'existing']);
    const added = await addWorktree({ cwd: repo, env, path: join(place, 'task-1'), branch: 'pr/x-task-1', base: 'main' });
    expect(added).toEqual({ path: join(place, 'task-1'), branch: 'pr/x-task-1', createdBranch: true, sha: head });
    expect(await addWorktree({ cwd: repo, env, path: join(place, 'ex'), branch: 'existing' })).toMatchObject({ createdBranch: false });
    expect(existsSync(join(place, 'task-1', 'a.txt'))).toBe(true);
    const list = (await listWorktrees({ cwd: repo, env })).map(({ path, branch, head: sha }) => ({ path, branch, sha }));
    // The main worktree comes first; git orders the others by their admin folder names.
    expect(list[0]).toEqual({ path: repo, branch: 'main', sha: head });
    expect(list.slice(1).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: join(place, 'ex'), branch: 'existing', sha: head },
      { path: join(place, 'task-1'), branch: 'pr/x-task-1', sha: head },
    ]);
  });

  it('refuses to remove a dirty worktree unless forced', async () => {
    const { repo, place } = await setup();
    const path = join(place, 'wt');
    await addWorktree({ cwd: repo, env, path, branch: 'wt' });
    await writeFile(join(path, 'scratch.txt'), 'x');
    await expect(removeWorktree({ cwd: repo, env, path })).rejects.toMatchObject({
      name: 'GitError',
      message: expect.stringMatching(/^git worktree remove failed in .*: '.*wt' contains modified or untracked files/),
    });
    expect(await removeWorktree({ cwd: repo, env, path, force: true })).toEqual({ path });
    expect(existsSync(path)).toBe(false);
    expect(await listWorktrees({ cwd: repo, env })).toHaveLength(1);
    expect(await git(repo, ['branch', '--list', 'wt'])).toBe('wt');
  });

  it('prunes worktrees whose folder is gone', async () => {
    const { repo, place } = await setup();
    await addWorktree({ cwd: repo, env, path: join(place, 'gone'), branch: 'gone' });
    await rm(join(place, 'gone'), { recursive: true });
    expect((await listWorktrees({ cwd: repo, env }))[1]).toMatchObject({ prunable: true });
    expect(await pruneWorktrees({ cwd: repo, env })).toEqual({ pruned: ['gone'] });
    expect(await listWorktrees({ cwd: repo, env })).toHaveLength(1);
    expect(await pruneWorktrees({ cwd: repo, env })).toEqual({ pruned: [] });
  });

  it('will not check out a branch that another worktree has', async () => {
    const { repo, place } = await setup();
    await expect(addWorktree({ cwd: repo, env, path: join(place, 'm'), branch: 'main' })).rejects.toMatchObject({
      hint: 'a branch can be checked out in one worktree only',
    });
  });
});
