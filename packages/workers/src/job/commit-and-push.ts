import type { RemoteTaskReport, RemoteTaskRequest, TaskTimings } from '@planwright/agent-runner';
import { commitTask, pushRefs } from '@planwright/git-ops';
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
  /** False once another worker owns the job: the task branch is then left to it (see RunJobContext.ownsJob). */
  ownsJob?: () => Promise<boolean>;
  say: (line: string) => void;
}

/**
 * One commit `<task id>: <title>` of the whole worktree, pushed as the task branch and this attempt's ref
 * in one atomic push (only the attempt's ref once another worker owns the job); undefined when the task
 * changed nothing.
 */
export async function commitAndPush(options: CommitAndPushOptions): Promise<RemoteTaskReport['commit']> {
  const { request } = options;
  // The worktree's git folder named to git, never found through the `.git` file the agent could change.
  const git = { GIT_DIR: options.gitDir, GIT_WORK_TREE: options.codeDir };
  const env = { ...(await commitEnv(options.codeDir, options.env)), ...git };
  // Two git processes (add, commit): no file list (a worker never reads it), no housekeeping (the job's
  // cleanup runs it on a schedule: see housekeeping-schedule.ts), the sha read from the detached HEAD's file.
  const commit = await commitTask({ cwd: options.codeDir, env, taskId: request.task.id, title: request.task.title, listFiles: false, deferHousekeeping: true });
  options.timings.mark('commit');
  if (!commit.committed) return undefined;
  const sha = commit.sha;
  const attempt = `HEAD:${options.names.attemptRef}`;
  // Asked last thing before the push: the window in which a freeze could still slip by is this call's.
  const owned = (await options.ownsJob?.()) ?? true;
  if (!owned) options.say(`another worker owns the job now: pushed only this attempt's ref, not ${request.taskBranch}`);
  const refspecs = owned ? [`+HEAD:refs/heads/${request.taskBranch}`, attempt] : [attempt];
  // GIT_DIR reaches no process on the remote's side: git clears it for its transports.
  await pushRefs({ cwd: options.codeDir, env: { ...options.env, GIT_DIR: options.gitDir }, remote: request.remote, refspecs });
  options.timings.mark('push');
  return { sha, attemptRef: options.names.attemptRef };
}
