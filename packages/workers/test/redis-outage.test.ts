import { startRedis, tempDir } from '@planwright/test-utils';
import { readdir } from 'node:fs/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createRedisExecutor } from '../src/queue/redis-executor.js';
import { startWorker } from '../src/worker/start-worker.js';
// @ts-expect-error plain JavaScript fixture, shared with the worker processes
import { scriptedRunJob } from './fixtures/scripted-run-job.mjs';
import { hooks, request, until } from './helpers.js';

describe('Redis down for a few seconds', () => {
  it('the job still finishes once, and both sides said it was unreachable and back', async () => {
    const redis = await startRedis();
    const markerDir = await tempDir();
    const notices: string[] = [];
    const lines: string[] = [];
    const executor = await createRedisExecutor(redis.url, { notice: (line) => notices.push(line) });
    onTestFinished(() => executor.close());
    const worker = await startWorker({ queue: redis.url, name: 'w1', cacheDir: markerDir, runJob: scriptedRunJob({ markerDir, sleepMs: 1500 }), onLine: (line) => lines.push(line) });
    onTestFinished(() => worker.stop({ force: true }));
    const report = executor.execute(request('t1'), hooks());
    await until(async () => (await readdir(markerDir)).includes('t1.w1.1.start'), 't1 to start');
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await redis.restart();
    expect((await report).summary).toBe('t1 by w1');
    expect((await readdir(markerDir)).filter((name) => name.endsWith('.start'))).toEqual(['t1.w1.1.start']);
    const down = `redis://127.0.0.1:${redis.port} unreachable (ECONNREFUSED); retrying`;
    expect(notices).toContain(down);
    await until(() => notices.includes(`redis://127.0.0.1:${redis.port} reachable again`), 'the executor to say Redis is back');
    expect(lines).toContain(down);
    await until(() => lines.includes(`redis://127.0.0.1:${redis.port} reachable again`), 'the worker to say Redis is back');
  });
});
