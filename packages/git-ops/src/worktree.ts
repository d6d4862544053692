import { resolve } from 'node:path';
import { branchExists } from './branch.js';
import { validateBranchName } from './branch-name.js';
import { headSha } from './repo.js';
import { gitContext, runGit, type GitOptions } from './run-git.js';
import { parseWorktreeList, type Worktree } from './worktree-list.js';

export interface AddWorktreeOptions extends GitOptions {
  /** Where the worktree goes (relative to cwd); the folder must not exist or be empty. */
  path: string;
  /** The branch to check out there: created from `base` when it does not exist yet. */
  branch: string;
  /** Where a new branch starts (default HEAD); unused when the branch exists. */
  base?: string;
}

export interface AddWorktreeResult {
  path: string;
  branch: string;
  /** True when the branch was created for this worktree. */
  createdBranch: boolean;
  /** The commit checked out in the worktree. */
  sha: string;
}

/**
 * Adds a worktree with its own branch, so a task can run in isolation from the main checkout.
 *
 * @example
 * await addWorktree({ cwd: repo, path: '../wt-task_003', branch: 'pr/pr-42-task_003', base: 'pr/pr-42' });
 */
export async function addWorktree(options: AddWorktreeOptions): Promise<AddWorktreeResult> {
  const context = gitContext(options);
  const branch = await validateBranchName(options.branch, options);
  const path = resolve(context.cwd, options.path);
  const exists = await branchExists(branch, options);
  const args = exists
    ? ['worktree', 'add', '--quiet', path, branch]
    : ['worktree', 'add', '--quiet', '-b', branch, path, options.base ?? 'HEAD'];
  await runGit(args, context);
  return { path, branch, createdBranch: !exists, sha: (await headSha({ ...options, cwd: path }))! };
}

export interface RemoveWorktreeOptions extends GitOptions {
  path: string;
  /** Remove it even with uncommitted changes or untracked files in it. */
  force?: boolean;
}

/** Removes a worktree and its folder (its branch stays). Refuses a dirty one unless `force`. */
export async function removeWorktree(options: RemoveWorktreeOptions): Promise<{ path: string }> {
  const context = gitContext(options);
  const path = resolve(context.cwd, options.path);
  await runGit(['worktree', 'remove', ...(options.force ? ['--force'] : []), path], context);
  return { path };
}

/** Every worktree of the repository, the main one first. */
export async function listWorktrees(options: GitOptions = {}): Promise<Worktree[]> {
  return parseWorktreeList((await runGit(['worktree', 'list', '--porcelain'], gitContext(options))).stdout);
}

/** Forgets worktrees whose folders are gone; returns their names under `.git/worktrees/`. */
export async function pruneWorktrees(options: GitOptions = {}): Promise<{ pruned: string[] }> {
  const { stderr, stdout } = await runGit(['worktree', 'prune', '--verbose'], gitContext(options));
  // "Removing worktrees/<name>: <reason>", on stderr in the versions seen so far.
  const pruned = `${stderr}\n${stdout}`
    .split('\n')
    .map((line) => /^Removing worktrees\/([^:]+):/.exec(line.trim())?.[1])
    .filter((name): name is string => name !== undefined);
  return { pruned };
}
