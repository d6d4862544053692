import { PlanwrightError } from '@planwright/cli-kit';
import { GitError } from './errors.js';
import { headSha } from './repo.js';
import { gitContext, runGit, type GitOptions } from './run-git.js';

export interface IntegrateBranchOptions extends GitOptions {
  /** The task branch to bring in (for example `pr/pr-42/task_003`). */
  branch: string;
  /** Where that branch started: only its commits after `base` are brought in. */
  base: string;
}

export interface IntegrateResult {
  /** `fast-forward` when the checkout had not moved since `base`; else `cherry-pick`; `nothing` to bring. */
  method: 'fast-forward' | 'cherry-pick' | 'nothing';
  /** HEAD of the checkout afterwards. */
  sha: string;
  commits: number;
}

/** The task's commits do not apply cleanly; nothing was changed. */
export class MergeConflictError extends PlanwrightError {
  override name = 'MergeConflictError';

  constructor(
    message: string,
    readonly paths: string[],
  ) {
    super(message, { hint: 'resolve it by hand in the task worktree, or re-run the task on the current branch' });
  }
}

/**
 * Brings a task branch's commits into the current checkout: a fast-forward when the checkout is still
 * at the branch's base (or behind the branch), else a cherry-pick of its commits. When they conflict, the
 * cherry-pick is aborted — the checkout is left exactly as it was — and a MergeConflictError names the
 * conflicting paths.
 *
 * @example
 * await integrateBranch({ cwd: repo, branch: 'pr/pr-42/task_003', base: baseSha });
 */
export async function integrateBranch(options: IntegrateBranchOptions): Promise<IntegrateResult> {
  const context = gitContext(options);
  const range = `${options.base}..${options.branch}`;
  const commits = Number((await runGit(['rev-list', '--count', range], context)).stdout.trim());
  const head = (await headSha(options))!;
  if (commits === 0) return { method: 'nothing', sha: head, commits };
  const { exitCode } = await runGit(['merge-base', '--is-ancestor', 'HEAD', options.branch], { ...context, okCodes: [1] });
  if (exitCode === 0) {
    await runGit(['merge', '--ff-only', '--quiet', options.branch], context);
    return { method: 'fast-forward', sha: (await headSha(options))!, commits };
  }
  try {
    await runGit(['cherry-pick', '--allow-empty', range], context);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const conflicted = (await runGit(['diff', '--name-only', '--diff-filter=U'], context)).stdout.split('\n').filter(Boolean);
    await runGit(['cherry-pick', '--abort'], { ...context, okCodes: [128] });
    if (conflicted.length === 0) throw error;
    throw new MergeConflictError(`${options.branch} does not apply cleanly in ${context.cwd}: conflicts in ${conflicted.join(', ')}`, conflicted);
  }
  return { method: 'cherry-pick', sha: (await headSha(options))!, commits };
}
