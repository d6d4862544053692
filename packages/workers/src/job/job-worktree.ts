import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { addWorktree, deleteBranch, listWorktrees, pruneWorktrees, removeWorktree } from '@planwright/git-ops';
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
  return withMirrorLock(options.mirror, async () => {
    await clearLeftovers(options);
    const added = await addWorktree({ cwd: options.mirror, env: options.env, path: options.path, branch: options.branch, base: options.baseSha });
    return added.path;
  });
}

/** Removes the job's worktree and its branch, whatever state they are in; never throws for what is already gone. */
export async function removeJobWorktree(options: Omit<JobWorktreeOptions, 'baseSha'>): Promise<void> {
  await withMirrorLock(options.mirror, () => clearLeftovers(options));
}

async function clearLeftovers(options: Omit<JobWorktreeOptions, 'baseSha'>): Promise<void> {
  const git = { cwd: options.mirror, env: options.env };
  const holders = (await listWorktrees(git)).filter((worktree) => !worktree.bare && (worktree.path === options.path || worktree.branch === options.branch));
  for (const worktree of holders) await removeWorktree({ ...git, path: worktree.path, force: true }).catch(() => undefined);
  // A folder git no longer knows (a crash between mkdir and registration), or one `remove` left behind.
  if (existsSync(options.path)) await rm(options.path, { recursive: true, force: true });
  for (const worktree of holders) if (existsSync(worktree.path)) await rm(worktree.path, { recursive: true, force: true });
  await pruneWorktrees(git);
  await deleteBranch(options.branch, git);
}

/** `<cache>/worktrees/<job key>`. */
export function jobWorktreePath(cacheDir: string, key: string): string {
  return join(cacheDir, 'worktrees', key);
}
