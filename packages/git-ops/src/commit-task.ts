import { UsageError } from '@planwright/cli-kit';
import { GitError } from './errors.js';
import { DEFERRED_HOUSEKEEPING } from './housekeeping.js';
import { headSha, repoRoot } from './repo.js';
import { gitContext, runGit, type GitOptions, type RunGitOptions } from './run-git.js';

export interface CommitTaskOptions extends GitOptions {
  taskId: string;
  title?: string;
  /**
   * Commit only the changes under these paths (files, folders or globs, relative to cwd); a path with no
   * change, or one that does not exist, adds nothing. Default: every change (`git add -A`).
   */
  paths?: string[];
  /** List the commit's files in the result (default true; one git process more). */
  listFiles?: boolean;
  /** Skip git's automatic housekeeping after the commit, for a caller that runs it itself (see houseKeep). */
  deferHousekeeping?: boolean;
}

export type CommitTaskResult =
  /** `files` are the paths in the commit, relative to the repository root (absent with `listFiles: false`). */
  | { committed: true; sha: string; message: string; files?: string[] }
  | { committed: false; message: string };

/**
 * Commits the work of one task as `<task id>: <title>`. With `paths`, only their changes go in (other
 * staged changes stay staged). Nothing to commit is an answer, `{ committed: false }`, not an error.
 *
 * @example
 * const result = await commitTask({ cwd: '/work/app', taskId: 'task_003', title: 'Add the parser' });
 * if (result.committed) console.log(result.sha);
 */
export async function commitTask(options: CommitTaskOptions): Promise<CommitTaskResult> {
  const message = taskCommitMessage(options.taskId, options.title);
  const context = gitContext(options);
  if (options.paths?.length) return commitPaths(options.paths, message, options, context);
  await runGit(['add', '--all'], context);
  // "Nothing to commit" is told by git's exit code 1 and its line (runGit makes git speak C); any other
  // exit 1 (a hook refused) is an error. One process fewer than asking `diff --cached --quiet` first.
  const args = [...housekeeping(options), 'commit', '--quiet', '-m', message];
  const commit = await runGit(args, { ...context, okCodes: [1] });
  if (commit.exitCode === 1) {
    if (/^nothing (added )?to commit/m.test(commit.stdout)) return { committed: false, message };
    const said = `${commit.stderr}\n${commit.stdout}`.trim().split('\n')[0] ?? '';
    throw new GitError(`git commit failed in ${context.cwd}: ${said || 'exit code 1'}`, { args, cwd: context.cwd, stderr: commit.stderr, stdout: commit.stdout, gitExitCode: 1 });
  }
  return committed(message, options, context);
}

function housekeeping(options: CommitTaskOptions): readonly string[] {
  return options.deferHousekeeping ? DEFERRED_HOUSEKEEPING : [];
}

/** `<task id>: <title>` on one line (`<task id>` alone without a title). */
export function taskCommitMessage(taskId: string, title = ''): string {
  const id = taskId.trim();
  if (id === '') throw new UsageError('the task id is empty', { hint: 'pass --task' });
  const subject = title.replace(/\s+/g, ' ').trim();
  return subject ? `${id}: ${subject}` : id;
}

/**
 * The changes under `paths` are found with `git status` rather than handed to `git add`, which fails on
 * a path that matches nothing or is ignored: a task's expected files need not all exist.
 */
async function commitPaths(
  paths: string[],
  message: string,
  options: CommitTaskOptions,
  context: RunGitOptions,
): Promise<CommitTaskResult> {
  const status = await runGit(['status', '--porcelain', '-z', '--no-renames', '--untracked-files=all', '--', ...paths], context);
  const entries = status.stdout
    .split('\0')
    .filter(Boolean)
    .map((entry) => ({ worktree: entry[1], file: entry.slice(3) }));
  if (entries.length === 0) return { committed: false, message };
  // From the root, as literal names: status gives root-relative paths, and a name may contain `*`.
  const root = { cwd: await repoRoot(options), env: { ...options.env, GIT_LITERAL_PATHSPECS: '1' } };
  // A change already staged with nothing new in the work tree (a `git rm`) must not be added again:
  // git add would find no file by that name.
  const toAdd = entries.filter((entry) => entry.worktree !== ' ').map((entry) => entry.file);
  if (toAdd.length > 0) await runGit(['add', '--all', '--', ...toAdd], root);
  const files = entries.map((entry) => entry.file);
  // `commit -- <files>` commits those files alone, whatever else the index holds.
  await runGit([...housekeeping(options), 'commit', '--quiet', '-m', message, '--', ...files], root);
  return committed(message, options, context);
}

async function committed(message: string, options: CommitTaskOptions, context: RunGitOptions): Promise<CommitTaskResult> {
  const sha = (await headSha(options))!;
  if (options.listFiles === false) return { committed: true, sha, message };
  // --root lists the files of a first commit too.
  const { stdout } = await runGit(['diff-tree', '--root', '--no-commit-id', '--name-only', '--no-renames', '-r', '-z', sha], context);
  return { committed: true, sha, message, files: stdout.split('\0').filter(Boolean) };
}
