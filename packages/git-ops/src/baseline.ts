import { PlanwrightError, UsageError } from '@planwright/cli-kit';
import { headSha } from './repo.js';
import { gitContext, runGit, type GitOptions } from './run-git.js';

/** The message of the baseline commit unless one is given. */
export const DEFAULT_BASELINE_MESSAGE = 'planwright: baseline';

export interface BaselineOptions extends GitOptions {
  message?: string;
  /** Commit even when there is no file to commit (default false: that is an error, with a hint). */
  allowEmpty?: boolean;
}

export type BaselineResult =
  | { committed: true; sha: string; files: number; message: string }
  /** The repository has a commit already: nothing was done, `sha` is HEAD. */
  | { committed: false; reason: 'has-commits'; sha: string };

/**
 * Makes the first commit of a repository (everything not ignored), so that later task commits and
 * diffs have a base. Does nothing when HEAD exists already.
 *
 * @example
 * const result = await baselineCommit({ cwd: '/work/app' });
 * if (result.committed) console.log(`baseline ${result.sha}`);
 */
export async function baselineCommit(options: BaselineOptions = {}): Promise<BaselineResult> {
  const context = gitContext(options);
  const head = await headSha(options);
  if (head !== null) return { committed: false, reason: 'has-commits', sha: head };
  const message = options.message ?? DEFAULT_BASELINE_MESSAGE;
  if (message.trim() === '') throw new UsageError('the baseline commit message is empty', { hint: 'pass --message' });
  await runGit(['add', '--all'], context);
  // `diff --cached --quiet` answers 1 when something is staged; it compares with the empty tree here.
  const { exitCode } = await runGit(['diff', '--cached', '--quiet'], { ...context, okCodes: [1] });
  if (exitCode === 0 && !options.allowEmpty) {
    throw new PlanwrightError(`nothing to commit in ${context.cwd}: the repository has no files (or all are ignored)`, {
      hint: 'add a file such as README.md first, or allow an empty baseline (--allow-empty)',
    });
  }
  await runGit(['commit', '--quiet', '--allow-empty', '-m', message], context);
  const files = (await runGit(['ls-tree', '-r', '--full-tree', '--name-only', '-z', 'HEAD'], context)).stdout;
  return { committed: true, sha: (await headSha(options))!, files: files.split('\0').filter(Boolean).length, message };
}
