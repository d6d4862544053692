import type { RemoteTaskReport, RemoteTaskRequest, TaskTimings } from '@planwright/agent-runner';
import { GitError, headSha, pushRefs, runGit, taskCommitMessage } from '@planwright/git-ops';
import { commitEnv } from './commit-identity.js';

export interface CommitAndPushOptions {
  codeDir: string;
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
  const sha = await commitAll(options.codeDir, env, taskCommitMessage(request.task.id, request.task.title));
  options.timings.mark('commit');
  if (!sha) return undefined;
  const refspecs = [`+HEAD:refs/heads/${request.taskBranch}`, `HEAD:${options.names.attemptRef}`];
  await pushRefs({ cwd: options.codeDir, env: options.env, remote: request.remote, refspecs });
  options.timings.mark('push');
  return { sha, attemptRef: options.names.attemptRef };
}

/**
 * `git add --all` and `git commit`, the new head's sha, or undefined with nothing to commit: three git
 * processes, where commitTask spends five (it also lists the commit's files, which a worker never reads).
 * "Nothing to commit" is told by git's exit code 1 and its line (git speaks C here); any other exit 1 (a
 * hook refused) is an error.
 */
async function commitAll(cwd: string, env: NodeJS.ProcessEnv, message: string): Promise<string | undefined> {
  await runGit(['add', '--all'], { cwd, env });
  const args = ['commit', '--quiet', '-m', message];
  const commit = await runGit(args, { cwd, env, okCodes: [1] });
  if (commit.exitCode === 1) {
    if (/^nothing (added )?to commit/m.test(commit.stdout)) return undefined;
    const said = `${commit.stderr}\n${commit.stdout}`.trim().split('\n')[0] ?? '';
    throw new GitError(`git commit failed in ${cwd}: ${said || 'exit code 1'}`, { args, cwd, stderr: commit.stderr, stdout: commit.stdout, gitExitCode: 1 });
  }
  return (await headSha({ cwd, env }))!;
}
