import { startRedis, tempDir } from '@planwright/test-utils';
import { Queue } from 'bullmq';
import { readdir } from 'node:fs/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseQueueUrl } from '../src/queue/connection.js';
import { createRedisExecutor } from '../src/queue/redis-executor.js';
import { startWorker } from '../src/worker/start-worker.js';
// @ts-expect-error plain JavaScript fixture, shared with the worker processes
import { scriptedRunJob } from './fixtures/scripted-run-job.mjs';
import { hooks, request, until } from './helpers.js';

async function setup(sleepMs: number, withWorker = true) {
  const redis = await startRedis();
  const markerDir = await tempDir();
  const executor = await createRedisExecutor(redis.url, { notice: () => {} });
  onTestFinished(() => executor.close());
  const start = async (name = 'w1') => {
    const worker = await startWorker({ queue: redis.url, name, cacheDir: markerDir, runJob: scriptedRunJob({ markerDir, sleepMs }) });
    onTestFinished(() => worker.stop({ force: true }));
    return worker;
  };
  if (withWorker) await start();
  return { redis, markerDir, executor, start };
}

const job = (taskId: string, runId = 'run-1') => ({ pr: 'pr-1', runId, taskId });

describe('adopt', () => {
  it('knows finished, failed, running and unknown jobs of an earlier run', async () => {
    const { redis, executor, markerDir } = await setup(600);
    await executor.execute(request('done1'), hooks());
    await expect(executor.execute(request('refuse1'), hooks())).rejects.toThrow(/not on this worker's --allow-repo list/);
    const running = executor.execute(request('run1'), hooks());
    await until(async () => (await readdir(markerDir)).includes('run1.w1.1.start'), 'run1 to start');

    const restarted = await createRedisExecutor(redis.url, { notice: () => {} });
    onTestFinished(() => restarted.close());
    const finished = await restarted.adopt(job('done1'), hooks());
    expect(finished).toMatchObject({ state: 'finished', report: { summary: 'done1 by w1' } });
    expect(await restarted.adopt(job('refuse1'), hooks())).toMatchObject({ state: 'failed', reason: expect.stringMatching(/allow-repo/) });
    expect(await restarted.adopt(job('nope'), hooks())).toEqual({ state: 'unknown' });
    const adopted = await restarted.adopt(job('run1'), hooks());
    expect(adopted).toMatchObject({ state: 'running', placement: { worker: 'w1', attempt: 1 } });
    if (adopted.state !== 'running') throw new Error('not running');
    expect((await adopted.report).summary).toBe('run1 by w1');
    await running;
  });
});

describe('holdLaunches', () => {
  it('withdraws the run\'s waiting jobs, leaves other runs, and the withdrawn executes reject', async () => {
    const { executor, markerDir, start } = await setup(100, false);
    const a = executor.execute(request('a'), hooks());
    const b = executor.execute(request('b'), hooks());
    const other = executor.execute(request('c', 'run-2'), hooks());
    void a.catch(() => {});
    void b.catch(() => {});
    await until(async () => (await jobCount(executor)) === 3, 'three waiting jobs');
    expect((await executor.holdLaunches({ pr: 'pr-1', runId: 'run-1' })).sort()).toEqual(['a', 'b']);
    await expect(a).rejects.toThrow(/withdrawn/);
    await expect(b).rejects.toThrow(/withdrawn/);
    await start();
    expect((await other).summary).toBe('c by w1');
    expect((await readdir(markerDir)).filter((name) => name.endsWith('.start'))).toEqual(['c.w1.1.start']);
    // A job of the held run that a worker takes anyway (it was taken between the listing and the removal).
    await expect(executor.execute(request('late'), hooks())).rejects.toThrow(/^launches held: the run was stopped before this job started$/);
    expect(await readdir(markerDir)).not.toContain('late.w1.1.start');
  });
});

describe('cancel', () => {
  it('aborts only the cancelled run\'s job; the other run\'s finishes', async () => {
    const redis = await startRedis();
    const markerDir = await tempDir();
    const executor = await createRedisExecutor(redis.url, { notice: () => {} });
    onTestFinished(() => executor.close());
    const worker = await startWorker({ queue: redis.url, name: 'w1', concurrency: 2, cacheDir: markerDir, runJob: scriptedRunJob({ markerDir, sleepMs: 1500 }) });
    onTestFinished(() => worker.stop({ force: true }));
    const cancelled = executor.execute(request('x', 'run-1'), hooks());
    const kept = executor.execute(request('y', 'run-2'), hooks());
    await until(() => worker.info().running.length === 2, 'both jobs running');
    await executor.cancel({ pr: 'pr-1', runId: 'run-1' });
    await expect(cancelled).rejects.toThrow(/interrupted: the coordinator cancelled the run/);
    expect((await kept).summary).toBe('y by w1');
    const markers = await readdir(markerDir);
    expect(markers).not.toContain('x.w1.1.done');
    expect(markers).toContain('y.w1.1.done');
  });

  it('withdraws the run\'s jobs no worker took yet, so none starts later with nobody to integrate it', async () => {
    const redis = await startRedis();
    const markerDir = await tempDir();
    const executor = await createRedisExecutor(redis.url, { notice: () => {} });
    onTestFinished(() => executor.close());
    const worker = await startWorker({ queue: redis.url, name: 'w1', concurrency: 1, cacheDir: markerDir, runJob: scriptedRunJob({ markerDir, sleepMs: 1500 }) });
    onTestFinished(() => worker.stop({ force: true }));
    // Their rejections come during cancel: caught at once, read after.
    const running = executor.execute(request('x', 'run-1'), hooks()).catch((error: Error) => error);
    await until(() => worker.info().running.length === 1, 'one job running');
    const queued = executor.execute(request('z', 'run-1'), hooks()).catch((error: Error) => error);
    await until(async () => (await jobCount(executor)) === 1, 'one job waiting');
    await executor.cancel({ pr: 'pr-1', runId: 'run-1' });
    // Whichever sees it first says so: the cancel, or the wait that finds the job gone from the queue.
    expect(String(await queued)).toMatch(/interrupted: the coordinator cancelled the run before a worker took it|withdrawn: the job is no longer in the queue/);
    expect(String(await running)).toMatch(/interrupted/);
    expect(await jobCount(executor)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await readdir(markerDir)).not.toContain('z.w1.1.done');
  });
});

// The executor's name is its URL without password; these tests use none, so it is the URL itself.
async function jobCount(executor: { name: string }): Promise<number> {
  const queue = new Queue('planwright-codex', { connection: parseQueueUrl(executor.name).options as never });
  try {
    return await queue.getWaitingCount();
  } finally {
    await queue.close();
  }
}
