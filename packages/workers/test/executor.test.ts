import { startRedis, tempDir } from '@planwright/test-utils';
import { readdir } from 'node:fs/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createRedisExecutor } from '../src/queue/redis-executor.js';
import { startWorker } from '../src/worker/start-worker.js';
// @ts-expect-error plain JavaScript fixture, shared with the worker processes
import { scriptedRunJob } from './fixtures/scripted-run-job.mjs';
import { hooks, request, until } from './helpers.js';

async function setup(sleepMs = 100) {
  const redis = await startRedis();
  const markerDir = await tempDir();
  const notices: string[] = [];
  const executor = await createRedisExecutor(redis.url, { notice: (line) => notices.push(line) });
  onTestFinished(() => executor.close());
  const lines: string[] = [];
  const worker = await startWorker({ queue: redis.url, name: 'w1', cacheDir: markerDir, runJob: scriptedRunJob({ markerDir, sleepMs }), onLine: (line) => lines.push(line) });
  onTestFinished(() => worker.stop({ force: true }));
  return { redis, markerDir, executor, worker, notices, lines };
}

describe('redis executor with a worker', () => {
  it('runs a task job and reports its placement and report', async () => {
    const { executor, markerDir } = await setup();
    const recorded = hooks();
    const report = await executor.execute(request('t1'), recorded);
    expect(report.status).toBe('agent_done');
    expect(report.summary).toBe('t1 by w1');
    expect(recorded.placements).toEqual([expect.objectContaining({ worker: 'w1', attempt: 1 })]);
    expect((await readdir(markerDir)).sort()).toEqual(['t1.w1.1.done', 't1.w1.1.start']);
  });

  it('enqueues the same task of the same run once', async () => {
    const { executor, markerDir } = await setup(300);
    const [a, b] = await Promise.all([executor.execute(request('t1'), hooks()), executor.execute(request('t1'), hooks())]);
    expect(a).toEqual(b);
    expect((await readdir(markerDir)).filter((name) => name.endsWith('.start'))).toEqual(['t1.w1.1.start']);
  });

  it('stops waiting when the run\'s signal aborts (interrupted); the job itself is left alone', async () => {
    const { executor, worker } = await setup(1500);
    const controller = new AbortController();
    const waiting = executor.execute(request('t1'), hooks(controller.signal));
    await until(() => worker.info().running.length === 1, 't1 to run');
    controller.abort();
    await expect(waiting).rejects.toThrow(/^interrupted$/);
    expect(worker.info().running).toHaveLength(1);
  });

  it.each([
    ['refuse1', /^repo file:\/\/\/tmp\/remote.git is not on this worker's --allow-repo list$/],
    ['badjob1', /^task branch planwright\/pr-1\/badjob1 is not a safe ref$/],
  ])('%s: a job the runner refuses fails after one attempt, never retried', async (id, message) => {
    const { executor, lines } = await setup();
    await expect(executor.execute(request(id), hooks())).rejects.toThrow(message);
    expect(lines.filter((line) => line.startsWith(`pr-1/${id}: started`))).toEqual([`pr-1/${id}: started (attempt 1)`]);
  });
});
