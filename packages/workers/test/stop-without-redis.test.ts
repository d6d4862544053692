import { startRedis, tempDir } from '@planwright/test-utils';
import { readdir } from 'node:fs/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createRedisExecutor } from '../src/queue/redis-executor.js';
import { startWorker } from '../src/worker/start-worker.js';
// @ts-expect-error plain JavaScript fixture, shared with the worker processes
import { scriptedRunJob } from './fixtures/scripted-run-job.mjs';
import { hooks, request, spawnWorker, until } from './helpers.js';

/** Settles with how long `work` took, or rejects once it took more than `ms`. */
async function within<T>(ms: number, work: Promise<T>, what: string): Promise<number> {
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} still waiting after ${ms} ms`)), ms)));
  try {
    await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
  return Date.now() - start;
}

describe('a worker whose Redis is gone', () => {
  it('stops at once when it runs no job', async () => {
    const redis = await startRedis();
    const cacheDir = await tempDir();
    const lines: string[] = [];
    const worker = await startWorker({ queue: redis.url, name: 'w1', cacheDir, runJob: scriptedRunJob({ markerDir: cacheDir, sleepMs: 10 }), onLine: (line) => lines.push(line) });
    await redis.stop();
    await until(() => lines.some((line) => line.includes('unreachable')), 'the worker to see Redis gone');
    await within(3000, worker.stop(), 'stop()');
    expect(lines.at(-1)).toBe(`worker w1: redis://127.0.0.1:${redis.port} unreachable: stopped without waiting for it`);
  });

  it('waits for its running job, then stops', async () => {
    const redis = await startRedis();
    const markerDir = await tempDir();
    const executor = await createRedisExecutor(redis.url, { notice: () => {} });
    onTestFinished(() => executor.close());
    const worker = await startWorker({ queue: redis.url, name: 'w1', cacheDir: markerDir, runJob: scriptedRunJob({ markerDir, sleepMs: 1500 }) });
    void executor.execute(request('t1'), hooks()).catch(() => undefined);
    await until(async () => (await readdir(markerDir)).includes('t1.w1.1.start'), 't1 to start');
    await redis.stop();
    // A plain stop waits for the job (its report cannot be sent: the job's lock lapses, and it is retried elsewhere)...
    const tookMs = await within(5000, worker.stop(), 'stop() with a job running');
    expect(await readdir(markerDir)).toContain('t1.w1.1.done');
    expect(tookMs).toBeGreaterThan(500);
  });

  it('a forced stop aborts the running job and does not wait for Redis', async () => {
    const redis = await startRedis();
    const markerDir = await tempDir();
    const executor = await createRedisExecutor(redis.url, { notice: () => {} });
    onTestFinished(() => executor.close());
    const worker = await startWorker({ queue: redis.url, name: 'w1', cacheDir: markerDir, runJob: scriptedRunJob({ markerDir, sleepMs: 60_000 }) });
    void executor.execute(request('t1'), hooks()).catch(() => undefined);
    await until(async () => (await readdir(markerDir)).includes('t1.w1.1.start'), 't1 to start');
    await redis.stop();
    await within(3000, worker.stop({ force: true }), 'stop({ force: true })');
    expect(await readdir(markerDir)).not.toContain('t1.w1.1.done');
  });

  it('as a process, exits on SIGTERM', async () => {
    const redis = await startRedis();
    const markerDir = await tempDir();
    const worker = await spawnWorker({ queue: redis.url, name: 'w1', markerDir, sleepMs: 10 });
    await redis.stop();
    await worker.waitFor('unreachable');
    process.kill(worker.child.pid!, 'SIGTERM');
    await within(5000, worker.child, 'the worker process');
    expect(worker.output()).toContain('stopped without waiting for it');
    expect(worker.child.exitCode).toBe(0);
  });

  it("the coordinator's executor closes without waiting for it, its job's report withdrawn", async () => {
    const redis = await startRedis();
    const notices: string[] = [];
    const executor = await createRedisExecutor(redis.url, { notice: (line) => notices.push(line) });
    const report = executor.execute(request('t1'), hooks());
    await redis.stop();
    await until(() => notices.some((line) => line.includes('unreachable')), 'the executor to see Redis gone');
    await within(3000, executor.close(), 'close()');
    await expect(report).rejects.toThrow('the executor was closed');
    expect(notices.at(-1)).toBe(`redis://127.0.0.1:${redis.port} unreachable: closed without waiting for it`);
  });

  it('an execute still sending its job when the executor closes fails as closed, not with the connection\'s error', async () => {
    const redis = await startRedis();
    const notices: string[] = [];
    const executor = await createRedisExecutor(redis.url, { notice: (line) => notices.push(line) });
    await redis.stop();
    await until(() => notices.some((line) => line.includes('unreachable')), 'the executor to see Redis gone');
    // Its commands wait for Redis to come back.
    const report = executor.execute(request('t1'), hooks());
    await within(3000, executor.close(), 'close()');
    await expect(report).rejects.toThrow(/^the executor was closed$/);
  });
});
