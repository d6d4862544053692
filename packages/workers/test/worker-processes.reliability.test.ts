import { startRedis, tempDir } from '@planwright/test-utils';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createRedisExecutor } from '../src/queue/redis-executor.js';
import { hooks, request, spawnWorker, until } from './helpers.js';

// Workers as their own processes (the built package): a short lock, so a dead or frozen worker loses its
// job in a second or two and the other worker's stall check hands it on.
async function setup() {
  const redis = await startRedis();
  const markerDir = await tempDir();
  const executor = await createRedisExecutor(redis.url, { notice: () => {} });
  onTestFinished(() => executor.close());
  const worker = (name: string, sleepMs = 2500) =>
    spawnWorker({ queue: redis.url, name, markerDir, sleepMs, lockDurationMs: 1500, stalledIntervalMs: 500 });
  const marker = (name: string) => existsSync(join(markerDir, name));
  return { redis, executor, worker, marker };
}

describe('a worker process dies or freezes mid-job', () => {
  it('kill -9: another worker takes the job as attempt 2; one report, placed twice', async () => {
    const { executor, worker, marker } = await setup();
    const a = await worker('wa');
    const recorded = hooks();
    const report = executor.execute(request('t1'), recorded);
    await until(() => marker('t1.wa.1.start'), 'wa to start t1');
    await worker('wb');
    process.kill(a.child.pid!, 'SIGKILL');
    const done = await report;
    expect(done.placement).toMatchObject({ worker: 'wb', attempt: 2 });
    expect(recorded.placements.map((each) => `${each.worker}/${each.attempt}`)).toEqual(['wa/1', 'wb/2']);
    expect(marker('t1.wa.1.done')).toBe(false);
  });

  it('SIGSTOP past its lock, then SIGCONT: its late completion is refused, the other worker\'s report stands', async () => {
    const { executor, worker, marker } = await setup();
    const a = await worker('wa');
    const report = executor.execute(request('t1'), hooks());
    await until(() => marker('t1.wa.1.start'), 'wa to start t1');
    process.kill(a.child.pid!, 'SIGSTOP');
    await worker('wb');
    const done = await report;
    expect(done.summary).toBe('t1 by wb');
    process.kill(a.child.pid!, 'SIGCONT');
    await until(() => marker('t1.wa.1.done'), 'wa to finish its late run');
    await a.waitFor('pr-1__t1__run-1: late moveToFinished refused');
    // wa is still serving, and the job still holds wb's report.
    expect(a.child.exitCode).toBeNull();
    const adopted = await executor.adopt({ pr: 'pr-1', runId: 'run-1', taskId: 't1' }, hooks());
    expect(adopted).toMatchObject({ state: 'finished', report: { summary: 't1 by wb', placement: { attempt: 2 } } });
  });

  it('a second SIGTERM aborts the running job; it is left to retry on another worker', async () => {
    const { executor, worker, marker } = await setup();
    const a = await worker('wa', 5000);
    const recorded = hooks();
    const report = executor.execute(request('t1'), recorded);
    await until(() => marker('t1.wa.1.start'), 'wa to start t1');
    await worker('wb', 200);
    process.kill(a.child.pid!, 'SIGTERM');
    await a.waitFor('stopping after the running jobs');
    process.kill(a.child.pid!, 'SIGTERM');
    await a.waitFor('stopped');
    expect(a.output()).toContain('worker wa stopped mid-task (forced shutdown)');
    const done = await report;
    expect(done.placement).toMatchObject({ worker: 'wb', attempt: 2 });
    expect(marker('t1.wa.1.done')).toBe(false);
  });
});
