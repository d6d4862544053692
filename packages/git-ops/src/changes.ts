import { UsageError } from '@planwright/cli-kit';
import { repoRoot } from './repo.js';
import { runGit, type GitOptions } from './run-git.js';

export interface ChangedFilesOptions extends GitOptions {
  /** The commit to compare with (a sha, a branch, `HEAD~2`). */
  since: string;
}

/**
 * Every file changed since a commit: in commits after it, in the index or work tree, and untracked
 * (not ignored) files. Paths are relative to the repository root, sorted, without duplicates; a rename
 * counts as its old and its new path.
 *
 * @example
 * const files = await changedFilesSince({ cwd: '/work/app', since: baseSha });
 */
export async function changedFilesSince(options: ChangedFilesOptions): Promise<string[]> {
  // Every command runs at the root: diff names files from the root, ls-files from its cwd.
  const context = { cwd: await repoRoot(options), env: options.env };
  const since = await resolveCommit(options.since, context);
  // One after another: concurrent git commands in one repository can trip over each other's index lock.
  const lists: string[] = [];
  for (const args of [
    ['diff', '--name-only', '--no-renames', '-z', since, 'HEAD'],
    ['diff', '--name-only', '--no-renames', '-z', 'HEAD'],
    ['ls-files', '--others', '--exclude-standard', '-z'],
  ]) {
    lists.push((await runGit(args, context)).stdout);
  }
  const files = new Set(lists.flatMap((stdout) => stdout.split('\0').filter(Boolean)));
  return [...files].sort();
}

async function resolveCommit(rev: string, context: { cwd: string; env?: GitOptions['env'] }): Promise<string> {
  const { stdout, exitCode } = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
    ...context,
    okCodes: [1],
  });
  if (exitCode !== 0 || rev.trim() === '') {
    throw new UsageError(`unknown commit "${rev}" in ${context.cwd}`, { hint: 'pass a sha or a branch name that exists' });
  }
  return stdout.trim();
}
