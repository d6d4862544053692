import { startRedis, tempDir } from '@planwright/test-utils';
import { Job, Queue, Worker } from 'bullmq';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseQueueUrl } from '../src/queue/connection.js';
import { createRedisExecutor } from '../src/queue/redis-executor.js';
import { startWorker } from '../src/worker/start-worker.js';
import { hooks, request, until } from './helpers.js';

describe('malformed jobs and reports', () => {
  it('a job whose data is not a request fails at once, unrecoverable, naming the field; the runner never runs', async () => {
    const redis = await startRedis();
    let ran = 0;
    const worker = await startWorker({ queue: redis.url, name: 'w1', cacheDir: await tempDir(), runJob: async () => (ran++, {} as never) });
    onTestFinished(() => worker.stop({ force: true }));
    const queue = new Queue('planwright-codex', { connection: parseQueueUrl(redis.url).options as never });
    onTestFinished(() => queue.close());
    await queue.add('task', { ...request('t1'), baseSha: 'HEAD' }, { jobId: 'bad', attempts: 3 });
    await until(async () => (await (await Job.fromId(queue, 'bad'))!.getState()) === 'failed', 'the job to fail');
    const job = (await Job.fromId(queue, 'bad'))!;
    expect(job.failedReason).toMatch(/^task job data: baseSha: a full commit sha/);
    expect(job.attemptsMade).toBe(1);
    expect(ran).toBe(0);
  });

  it('a request the coordinator would send malformed is refused before it is enqueued', async () => {
    const redis = await startRedis();
    const executor = await createRedisExecutor(redis.url, { notice: () => {} });
    onTestFinished(() => executor.close());
    await expect(executor.execute({ ...request('t1'), remote: '' }, hooks())).rejects.toThrow(/^request: remote: /);
    const leaking = executor.execute({ ...request('t1'), remote: 'https://bot:hunter2@git.example.com/app.git' }, hooks());
    await expect(leaking).rejects.toThrow(/^request: remote: carries a password: a job holds no secrets/);
    await expect(leaking).rejects.not.toThrow(/hunter2/);
  });

  it('the executor refuses a report a worker of another version returned malformed', async () => {
    const redis = await startRedis();
    // A bare BullMQ worker, not startWorker: one that does not check what it returns.
    const bare = new Worker('planwright-codex', async () => ({ status: 'finished' }), { connection: parseQueueUrl(redis.url).options as never });
    onTestFinished(() => bare.close());
    const executor = await createRedisExecutor(redis.url, { notice: () => {} });
    onTestFinished(() => executor.close());
    await expect(executor.execute(request('t1'), hooks())).rejects.toThrow(/^job pr-1__t1__run-1: report: status: /);
  });

  it('a report without its placement is a failure of the job', async () => {
    const redis = await startRedis();
    const worker = await startWorker({ queue: redis.url, name: 'w1', cacheDir: await tempDir(), runJob: async () => ({ status: 'done' }) as never });
    onTestFinished(() => worker.stop({ force: true }));
    const queue = new Queue('planwright-codex', { connection: parseQueueUrl(redis.url).options as never });
    onTestFinished(() => queue.close());
    // One attempt: the test need not wait out the backoff of the retries.
    await queue.add('task', request('t1'), { jobId: 'pr-1__t1__run-1', attempts: 1 });
    await until(async () => (await (await Job.fromId(queue, 'pr-1__t1__run-1'))!.getState()) === 'failed', 'the job to fail');
    const job = (await Job.fromId(queue, 'pr-1__t1__run-1'))!;
    expect(job.failedReason).toMatch(/^the job runner's report: verified: /);
  });
});
