import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RemoteTaskReport, RemoteTaskRequest, TaskTimings } from '@planwright/agent-runner';
import { DEFERRED_HOUSEKEEPING, GitError, headSha, pushRefs, runGit, taskCommitMessage } from '@planwright/git-ops';
import { commitEnv } from './commit-identity.js';

export interface CommitAndPushOptions {
  codeDir: string;
  /** The worktree's git folder in the mirror: named to git, never found through the `.git` file the agent could change. */
  gitDir: string;
  request: RemoteTaskRequest;
  names: { attemptRef: string };
  env: NodeJS.ProcessEnv;
  /** Marks `commit` and `push`. */
  timings: TaskTimings;
}

/**
 * One commit `<task id>: <title>` of the whole worktree, pushed as the task branch and this attempt's ref
 * in one atomic push; undefined when the task changed nothing.
 */
export async function commitAndPush(options: CommitAndPushOptions): Promise<RemoteTaskReport['commit']> {
  const { request } = options;
  const env = await commitEnv(options.codeDir, options.env);
  const sha = await commitAll({ ...options, env }, taskCommitMessage(request.task.id, request.task.title));
  options.timings.mark('commit');
  if (!sha) return undefined;
  const refspecs = [`+HEAD:refs/heads/${request.taskBranch}`, `HEAD:${options.names.attemptRef}`];
  // GIT_DIR reaches no process on the remote's side: git clears it for its transports.
  await pushRefs({ cwd: options.codeDir, env: { ...options.env, GIT_DIR: options.gitDir }, remote: request.remote, refspecs });
  options.timings.mark('push');
  return { sha, attemptRef: options.names.attemptRef };
}

/**
 * `git add --all` and `git commit`, the new head's sha, or undefined with nothing to commit: two git
 * processes, where commitTask spends five (it also lists the commit's files, which a worker never reads).
 * The commit does not end with git's housekeeping (two processes more): the job's cleanup runs it on a
 * schedule (see housekeeping-schedule.ts). "Nothing to commit" is told by git's exit code 1 and its line
 * (git speaks C here); any other exit 1 (a hook refused) is an error.
 */
async function commitAll(options: { codeDir: string; gitDir: string; env: NodeJS.ProcessEnv }, message: string): Promise<string | undefined> {
  const { codeDir: cwd, env } = options;
  const git = [`--git-dir=${options.gitDir}`, `--work-tree=${cwd}`];
  await runGit([...git, 'add', '--all'], { cwd, env });
  const args = [...DEFERRED_HOUSEKEEPING, ...git, 'commit', '--quiet', '-m', message];
  const commit = await runGit(args, { cwd, env, okCodes: [1] });
  if (commit.exitCode === 1) {
    if (/^nothing (added )?to commit/m.test(commit.stdout)) return undefined;
    const said = `${commit.stderr}\n${commit.stdout}`.trim().split('\n')[0] ?? '';
    throw new GitError(`git commit failed in ${cwd}: ${said || 'exit code 1'}`, { args, cwd, stderr: commit.stderr, stdout: commit.stdout, gitExitCode: 1 });
  }
  return committedSha(options);
}

/**
 * The commit just made, without a process: the worktree is detached, so git wrote the new sha into its
 * own HEAD file. Anything else there (a hook checked out a branch) is asked of git.
 */
async function committedSha(options: { codeDir: string; gitDir: string; env: NodeJS.ProcessEnv }): Promise<string> {
  const head = (await readFile(join(options.gitDir, 'HEAD'), 'utf8').catch(() => '')).trim();
  if (/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(head)) return head;
  return (await headSha({ cwd: options.codeDir, env: { ...options.env, GIT_DIR: options.gitDir } }))!;
}
