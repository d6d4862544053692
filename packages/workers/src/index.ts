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
/** The job runner's type (the worker loop's processor). */
export type { RunJob, RunJobContext } from './job/run-job-type.js';
