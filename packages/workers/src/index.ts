// @planwright/workers: agent workers on many machines, on BullMQ queues in Redis, with git as the transport.

// The job runner: one task job run on this machine.
/** Runs one task job: repo check, mirror, worktree, agent-runner's orchestrate() on a one-task plan, commit, push, report. */
export { runTaskJob, JobInterruptedError } from './job/run-task-job.js';
export type { RunJob, RunJobContext } from './job/run-job-type.js';
/** The --allow-repo check, its error, and the URL form two spellings of one repository share. */
export { checkRepoAllowed, normalizeRepoUrl, RepoNotAllowedError } from './job/allow-repo.js';
export type { CheckRepoOptions } from './job/allow-repo.js';
/** The cache's bare mirror of a remote, and the error for a base commit the remote does not have. */
export { ensureMirror, mirrorPath, BaseCommitMissingError } from './job/mirror.js';
export type { EnsureMirrorOptions, MirrorState } from './job/mirror.js';
/** A job whose fields cannot name folders and refs safely. */
export { BadJobError, refSafe } from './job/job-names.js';
/** The author and committer of worker commits on a machine without a git identity. */
export { WORKER_IDENTITY } from './job/commit-identity.js';
