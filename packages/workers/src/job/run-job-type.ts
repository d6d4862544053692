import type { RemoteTaskReport, RemoteTaskRequest, TaskPlacement } from '@planwright/agent-runner';

/** What the worker loop hands the job runner besides the request. */
export interface RunJobContext {
  /** Where this attempt runs (the worker's host and name, the job's attempt number). */
  placement: TaskPlacement;
  /** The worker's cache: mirrors of the remotes, task worktrees, one-task run folders. */
  cacheDir: string;
  /** Remote URLs this worker takes jobs for; empty: any. */
  allowRepos: readonly string[];
  /** Aborted when the coordinator cancels the run or the worker shuts down: the agent is ended. */
  signal: AbortSignal;
  /** Environment for git and the agent (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** A line of progress for the worker's output. */
  onLine?: (line: string) => void;
  /**
   * Takes the job's cleanup (its worktree, branch and run folder), to run once the report is on its way:
   * the worker starts it at once and waits for it before it stops. Without it, the job cleans up before
   * it returns. The work never rejects.
   */
  afterReport?: (work: () => Promise<void>) => void;
  /**
   * Takes work for the worker's stop, once its jobs and their cleanups are over (the job runner keeps
   * worktrees between jobs, and this removes them); the same `key` again replaces the earlier work.
   * Without it, a job keeps nothing in the cache for later. The work never rejects.
   */
  atStop?: (key: string, work: () => Promise<void>) => void;
  /**
   * Whether the job is still this worker's (see jobOwnership): asked just before the push, so that a
   * worker that was frozen past its lock, its job handed on, pushes only its own attempt's ref and leaves
   * the task branch to the attempt that stands. Without it: always.
   */
  ownsJob?: () => Promise<boolean>;
}

/**
 * Runs one task job on this machine and reports how it ended (the worker loop's processor). Throws
 * `RepoNotAllowedError` for a job it must refuse (never retried), any other error for one worth retrying.
 */
export type RunJob = (request: RemoteTaskRequest, context: RunJobContext) => Promise<RemoteTaskReport>;
