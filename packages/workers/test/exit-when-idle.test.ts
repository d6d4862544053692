import { captureIo } from '@planwright/cli-kit';
import { startRedis, tempDir } from '@planwright/test-utils';
import { readdir } from 'node:fs/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { main } from '../src/cli.js';
import { createRedisExecutor } from '../src/queue/redis-executor.js';
import { startWorker } from '../src/worker/start-worker.js';
// @ts-expect-error plain JavaScript fixture, shared with the worker processes
import { scriptedRunJob } from './fixtures/scripted-run-job.mjs';
import { hooks, request, until } from './helpers.js';

describe('a worker that ends when the work does', () => {
  it('is idle only once its last job ended and stayed so for the time asked', async () => {
    const redis = await startRedis();
    const markerDir = await tempDir();
    const executor = await createRedisExecutor(redis.url, { notice: () => {} });
    onTestFinished(() => executor.close());
    const worker = await startWorker({ queue: redis.url, name: 'w1', cacheDir: markerDir, runJob: scriptedRunJob({ markerDir, sleepMs: 1500 }) });
    onTestFinished(() => worker.stop({ force: true }));
    const report = executor.execute(request('t1'), hooks());
    await until(async () => (await readdir(markerDir)).includes('t1.w1.1.start'), 't1 to start');
    let idleAt: number | undefined;
    void worker.idle(300).then(() => (idleAt = Date.now()));
    await report;
    const endedAt = Date.now();
    await until(() => idleAt !== undefined, 'the worker to be idle', 10_000);
    // Not while the job ran (1.5 s): only after it ended, and 300 ms after.
    expect(idleAt! - endedAt).toBeGreaterThanOrEqual(200);
  });

  it('planwright-worker worker --exit-when-idle: exits 0 by itself, saying why', async () => {
    const redis = await startRedis();
    const io = captureIo();
    const cache = await tempDir();
    const started = Date.now();
    expect(await main(['worker', '--queue', redis.url, '--cache', cache, '--exit-when-idle', '0.5'], io)).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(io.stderr).toMatch(/idle for 0\.5 s, stopping \(--exit-when-idle\)/);
  });

  it.each([['0'], ['-3'], ['soon']])('--exit-when-idle %s -> exit 2, one line naming the flag', async (value) => {
    const io = captureIo();
    expect(await main(['worker', '--queue', 'redis://127.0.0.1:1', '--exit-when-idle', value], io)).toBe(2);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
    expect(io.stderr).toMatch(/^planwright-worker: --exit-when-idle: .* is not a number of seconds/);
  });
});
