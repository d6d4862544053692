import { UsageError } from '@planwright/cli-kit';
import { gitContext, runGit, type GitOptions } from './run-git.js';

/** The placeholder in a branch name template that stands for the PR name. */
export const PR_NAME_PLACEHOLDER = '<PR_NAME>';

/** The branch of a PR unless told otherwise: `pr/<PR_NAME>`. */
export const DEFAULT_BRANCH_TEMPLATE = `pr/${PR_NAME_PLACEHOLDER}`;

/**
 * The branch name for a PR: every `<PR_NAME>` in `template` replaced by `pr`.
 *
 * @example
 * branchNameFor('pr/<PR_NAME>', 'pr-42'); // 'pr/pr-42'
 */
export function branchNameFor(template: string, pr?: string): string {
  if (!template.includes(PR_NAME_PLACEHOLDER)) return template;
  if (!pr?.trim()) {
    throw new UsageError(`the branch name "${template}" needs a PR name for ${PR_NAME_PLACEHOLDER}`, { hint: 'pass --pr' });
  }
  return template.split(PR_NAME_PLACEHOLDER).join(pr.trim());
}

/**
 * Checks a branch name with `git check-ref-format --branch` and returns it; a UsageError (exit 2)
 * when git would refuse it, or when git would read it as something else (`@{-1}`).
 */
export async function validateBranchName(name: string, options: GitOptions = {}): Promise<string> {
  if (name.trim() === '') throw new UsageError('the branch name is empty', { hint: 'pass --branch or --pr' });
  const { stdout, exitCode } = await runGit(['check-ref-format', '--branch', name], {
    ...gitContext(options),
    okCodes: [1, 128],
  });
  if (exitCode !== 0 || stdout.trim() !== name) {
    throw new UsageError(`"${name}" is not a valid git branch name`, {
      hint: 'no spaces, "..", "~^:?*[\\", leading "-" or trailing ".lock"; see git help check-ref-format',
    });
  }
  return name;
}
