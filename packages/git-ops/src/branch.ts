import { branchNameFor, DEFAULT_BRANCH_TEMPLATE, validateBranchName } from './branch-name.js';
import { GitError } from './errors.js';
import { currentBranch, headSha, isDirty } from './repo.js';
import { gitContext, runGit, type GitOptions } from './run-git.js';

export interface CheckoutBranchOptions extends GitOptions {
  /** The PR name, put in place of `<PR_NAME>` in the template. */
  pr?: string;
  /** Branch name, with `<PR_NAME>` for the PR (default `pr/<PR_NAME>`). */
  branch?: string;
}

export interface CheckoutBranchResult {
  branch: string;
  /** `created` from HEAD, `switched` to an existing branch, or already `current`. */
  action: 'created' | 'switched' | 'current';
  /** The branch checked out before (null when HEAD was detached). */
  previous: string | null;
  /** The commit the branch points at now; null on a branch without a commit yet (a new repository). */
  sha: string | null;
  /** True when uncommitted changes were there and came along. */
  carriedChanges: boolean;
}

/**
 * Checks out the branch of a PR: switches to it when it exists, creates it from HEAD when not. Local
 * changes come along when git allows; when they would be overwritten, a GitError names the files.
 *
 * @example
 * await checkoutBranch({ cwd: '/work/app', pr: 'pr-42' }); // on pr/pr-42
 */
export async function checkoutBranch(options: CheckoutBranchOptions): Promise<CheckoutBranchResult> {
  const branch = await validateBranchName(branchNameFor(options.branch ?? DEFAULT_BRANCH_TEMPLATE, options.pr), options);
  const context = gitContext(options);
  const head = await headSha(options);
  const previous = await currentBranch(options);
  if (head === null) return switchUnborn(branch, previous, options);
  const carriedChanges = await isDirty(options);
  if (previous === branch) return { branch, action: 'current', previous, sha: head, carriedChanges };
  const exists = await branchExists(branch, options);
  try {
    await runGit(exists ? ['switch', '--quiet', branch] : ['switch', '--quiet', '--create', branch], context);
  } catch (error) {
    throw explainSwitchFailure(error, branch);
  }
  return { branch, action: exists ? 'switched' : 'created', previous, sha: (await headSha(options))!, carriedChanges };
}

/**
 * A repository without a commit: HEAD names a branch that does not exist yet, so "switching" is naming
 * another one (`git symbolic-ref`), as `git checkout -b` does there. The index and the files stay as they
 * are, and the first commit lands on the new branch, as with the kit.
 */
async function switchUnborn(branch: string, previous: string | null, options: GitOptions): Promise<CheckoutBranchResult> {
  const carriedChanges = await isDirty(options);
  if (previous === branch) return { branch, action: 'current', previous, sha: null, carriedChanges };
  await runGit(['symbolic-ref', 'HEAD', `refs/heads/${branch}`], gitContext(options));
  return { branch, action: 'created', previous, sha: null, carriedChanges };
}

/** True when `refs/heads/<branch>` exists. */
export async function branchExists(branch: string, options: GitOptions = {}): Promise<boolean> {
  const { exitCode } = await runGit(['show-ref', '--verify', '--quiet', `refs/heads/${branch}`], {
    ...gitContext(options),
    okCodes: [1],
  });
  return exitCode === 0;
}

/** git lists the files in the way one per line, indented by a tab, after the sentence saying why. */
function explainSwitchFailure(error: unknown, branch: string): unknown {
  if (!(error instanceof GitError)) return error;
  const files = error.stderr
    .split('\n')
    .filter((line) => line.startsWith('\t'))
    .map((line) => line.trim());
  if (files.length === 0) return error;
  const untracked = /untracked working tree files would be/.test(error.stderr);
  const what = untracked ? 'untracked files' : 'local changes to';
  return new GitError(`cannot switch to ${branch} in ${error.cwd}: ${what} ${files.join(', ')} would be overwritten`, {
    args: error.args,
    cwd: error.cwd,
    stderr: error.stderr,
    gitExitCode: error.gitExitCode,
    hint: 'commit or stash them (git stash --include-untracked), then run again',
    cause: error,
  });
}
