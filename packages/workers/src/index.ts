// @planwright/workers: agent workers on many machines, on BullMQ queues in Redis, with git as the transport.

/** The coordinator's executor for `planwright run --executor redis://…`, and the factories by URL scheme. */
export { createRedisExecutor } from './queue/redis-executor.js';
export { executorFactories } from './queue/executor-factories.js';
/** Queue URLs: parsed into ioredis options (bad URL: a UsageError naming the flag), printed without password. */
export { parseQueueUrl, redactUrl, type QueueConnection, type ParseQueueUrlOptions } from './queue/connection.js';
/** Queue and job names, and the zod schemas of a job's data and return value. */
export { queueName, jobId } from './queue/names.js';
export { RemoteTaskRequestSchema, RemoteTaskReportSchema, PlacementSchema, parseRequest, parseReport } from './queue/job-data.js';
/** The worker loop: a BullMQ Worker per agent queue around a job runner, and its shutdown on signals. */
export { startWorker, type StartWorkerOptions, type StartedWorker } from './worker/start-worker.js';
export { stopOnSignals } from './worker/stop-on-signals.js';
/** The live workers (`planwright workers`). */
export { listWorkers, WorkerInfoSchema, type WorkerInfo, type RunningJob, type ListWorkersOptions } from './worker/registry.js';

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
