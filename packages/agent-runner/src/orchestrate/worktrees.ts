import { basename, dirname, join } from 'node:path';
import { addWorktree, headSha, integrateBranch, removeWorktree, runGit, type IntegrateResult } from '@planwright/git-ops';
import { serialized } from './git-lock.js';

export interface TaskWorktree {
  path: string;
  branch: string;
  /** The PR branch head the task started from. */
  base: string;
}

/**
 * Where task worktrees live: beside the repository (`<repo>.worktrees/<PR>/<task>`), not inside it, so
 * that tools scanning the repository do not walk into other tasks' copies.
 */
export function worktreePath(codeDir: string, pr: string, taskId: string): string {
  return join(dirname(codeDir), `${basename(codeDir)}.worktrees`, pr, taskId);
}

/** A worktree on `pr/<PR>/<task id>`, from the current head of the checkout (the PR branch). */
export async function openWorktree(codeDir: string, pr: string, taskId: string, env?: NodeJS.ProcessEnv): Promise<TaskWorktree> {
  return serialized(codeDir, async () => {
    const base = (await headSha({ cwd: codeDir, env }))!;
    const branch = `pr/${pr}/${taskId}`;
    const path = worktreePath(codeDir, pr, taskId);
    await removeWorktree({ cwd: codeDir, path, force: true, env }).catch(() => undefined); // a leftover of an earlier run
    await runGit(['branch', '-D', branch], { cwd: codeDir, env, okCodes: [1] }).catch(() => undefined);
    await addWorktree({ cwd: codeDir, path, branch, base, env });
    return { path, branch, base };
  }, env);
}

/** Brings the task's commits into the checkout (fast-forward or cherry-pick); conflicts throw, nothing changed. */
export async function mergeBack(codeDir: string, worktree: TaskWorktree, env?: NodeJS.ProcessEnv): Promise<IntegrateResult> {
  return serialized(codeDir, () => integrateBranch({ cwd: codeDir, branch: worktree.branch, base: worktree.base, env }), env);
}

/** Removes the worktree; its branch too when `merged` (an unmerged branch keeps the work for a person). */
export async function closeWorktree(codeDir: string, worktree: TaskWorktree, merged: boolean, env?: NodeJS.ProcessEnv): Promise<void> {
  await serialized(codeDir, async () => {
    await removeWorktree({ cwd: codeDir, path: worktree.path, force: true, env });
    if (merged) await runGit(['branch', '-D', worktree.branch], { cwd: codeDir, env });
  }, env);
}
