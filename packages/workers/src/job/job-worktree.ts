import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { addWorktree, deleteBranch, listWorktrees, pruneWorktrees, removeWorktree, runGit } from '@planwright/git-ops';
import { withMirrorLock } from './mirror.js';

export interface JobWorktreeOptions {
  /** The bare mirror the worktree is made from. */
  mirror: string;
  /** Where the worktree goes: `<cache>/worktrees/<job key>`. */
  path: string;
  /** The task branch (`planwright/<PR>/<task id>`), made at the base. */
  branch: string;
  baseSha: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * A worktree of the mirror at the base commit, on the task branch made fresh there. A leftover of a
 * crashed attempt (the folder, or another worktree holding the branch, or the branch itself) is removed
 * first: it holds half work that must never be taken for this attempt's.
 */
export async function addJobWorktree(options: JobWorktreeOptions): Promise<string> {
  const path = resolve(options.path);
  return withMirrorLock(options.mirror, async () => {
    // The usual case in one git process: no folder left over, and `-B` makes the branch or resets a
    // leftover one to the base. git refuses when a leftover worktree still holds the branch: then the
    // leftovers are looked for and cleared, and the worktree added again.
    if (!existsSync(path)) {
      const args = ['worktree', 'add', '--quiet', '-B', options.branch, path, options.baseSha];
      if ((await runGit(args, { cwd: options.mirror, env: options.env, okCodes: [128] })).exitCode === 0) return path;
    }
    await clearLeftovers(options);
    const added = await addWorktree({ cwd: options.mirror, env: options.env, path, branch: options.branch, base: options.baseSha });
    return added.path;
  });
}

/** Removes the job's worktree and its branch, whatever state they are in; never throws for what is already gone. */
export async function removeJobWorktree(options: Omit<JobWorktreeOptions, 'baseSha'>): Promise<void> {
  const path = resolve(options.path);
  const git = { cwd: options.mirror, env: options.env };
  await withMirrorLock(options.mirror, async () => {
    // The job's own worktree in two processes (the folder and git's record of it, then the branch);
    // anything else (a folder git does not know, a worktree already gone) the long way.
    const removed = await runGit(['worktree', 'remove', '--force', path], { ...git, okCodes: [128] });
    if (removed.exitCode === 0 && !existsSync(path)) {
      await deleteBranch(options.branch, git);
      return;
    }
    await clearLeftovers(options);
  });
}

async function clearLeftovers(options: Omit<JobWorktreeOptions, 'baseSha'>): Promise<void> {
  const git = { cwd: options.mirror, env: options.env };
  const path = resolve(options.path);
  const holders = (await listWorktrees(git)).filter((worktree) => !worktree.bare && (worktree.path === path || worktree.branch === options.branch));
  for (const worktree of holders) await removeWorktree({ ...git, path: worktree.path, force: true }).catch(() => undefined);
  // A folder git no longer knows (a crash between mkdir and registration), or one `remove` left behind.
  if (existsSync(path)) await rm(path, { recursive: true, force: true });
  for (const worktree of holders) if (existsSync(worktree.path)) await rm(worktree.path, { recursive: true, force: true });
  await pruneWorktrees(git);
  await deleteBranch(options.branch, git);
}

/** `<cache>/worktrees/<job key>`. */
export function jobWorktreePath(cacheDir: string, key: string): string {
  return join(cacheDir, 'worktrees', key);
}
