import { captureIo } from '@planwright/cli-kit';
import { startRedis, tempDir } from '@planwright/test-utils';
import { readdir } from 'node:fs/promises';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { main } from '../src/cli.js';
import { createRedisExecutor } from '../src/queue/redis-executor.js';
import { listWorkers } from '../src/worker/registry.js';
import { hooks, request, spawnWorker, until } from './helpers.js';

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('planwright-worker: bad input', () => {
  it.each([
    [['worker', '--queue', 'http://127.0.0.1:6379'], /^planwright-worker: --queue: unsupported scheme http: in http:\/\/127\.0\.0\.1:6379 \(use redis:/],
    [['worker', '--queue', 'redis://:s3cret@host:port'], /^planwright-worker: --queue: not a URL: redis:\/\/host:port \(/],
    [['worker', '--queue', 'redis://127.0.0.1:6379/db'], /^planwright-worker: --queue: database "db" is not a number/],
    [['worker', '--queue', 'redis://127.0.0.1:6379', '--concurrency', '0'], /^planwright-worker: --concurrency: 0 is not a whole number of jobs/],
    [['worker', '--queue', 'redis://127.0.0.1:6379', '--agents', 'codex,../x'], /^planwright-worker: --agents: "\.\.\/x" is not an agent name/],
    [['workers', '--queue', 'nope'], /^planwright-worker: --queue: not a URL: nope/],
  ])('%j -> exit 2, one line naming the flag', async (argv, message) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain('s3cret');
  });

  it('a bad PLANWRIGHT_WORKER_LOCK_MS -> exit 2, one line naming it, before any connection', async () => {
    vi.stubEnv('PLANWRIGHT_WORKER_LOCK_MS', '1.5s');
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    // Port 1: a worker that got past the check would fail to connect instead (exit 1).
    const { code, stderr } = await run(['worker', '--queue', 'redis://127.0.0.1:1']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^planwright-worker: PLANWRIGHT_WORKER_LOCK_MS: "1\.5s" is not a lock duration in milliseconds \(use a whole number/);
  });

  it('never prints a password: an unreachable queue with one', async () => {
    const { code, stderr } = await run(['workers', '--queue', 'redis://:s3cret@127.0.0.1:1']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^planwright-worker: redis:\/\/127\.0\.0\.1:1 unreachable \(ECONNREFUSED\)/);
    expect(stderr).not.toContain('s3cret');
  });
});

describe('planwright-worker workers', () => {
  it('lists two live workers and the task one of them runs; a worker stopped by SIGTERM leaves the list after its job', async () => {
    const redis = await startRedis({ password: 's3cret' });
    const markerDir = await tempDir();
    const notices: string[] = [];
    const executor = await createRedisExecutor(redis.url, { notice: (line) => notices.push(line) });
    onTestFinished(() => executor.close());
    expect(executor.name).toBe(`redis://127.0.0.1:${redis.port}`);
    const wa = await spawnWorker({ queue: redis.url, name: 'wa', markerDir, sleepMs: 2000 });
    const report = executor.execute(request('t1'), hooks());
    await until(async () => (await readdir(markerDir)).includes('t1.wa.1.start'), 'wa to start t1');
    await spawnWorker({ queue: redis.url, name: 'wb', markerDir, sleepMs: 2000 });
    const listed = await run(['workers', '--queue', redis.url, '--json']);
    expect(listed.code).toBe(0);
    const document = JSON.parse(listed.stdout) as { queue: string; workers: Array<{ name: string; running: Array<{ task: string }> }> };
    expect(document.queue).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(document.workers.map((worker) => worker.name)).toEqual(['wa', 'wb']);
    expect(document.workers.flatMap((worker) => worker.running.map((job) => job.task))).toEqual(['t1']);
    const human = await run(['workers', '--queue', redis.url]);
    expect(human.stdout).toMatch(/^wa {2}.* pid \d+ {2}codex {2}\d\/1 running$/m);
    expect(human.stdout).toMatch(/^ {2}pr-1\/t1 {2}attempt 1 {2}since /m);
    expect(listed.stdout + human.stdout + wa.output()).not.toContain('s3cret');

    // First SIGTERM: no new job, the running one finishes, then the worker leaves the registry and exits.
    process.kill(wa.child.pid!, 'SIGTERM');
    expect((await report).summary).toBe('t1 by wa');
    await wa.waitFor('stopped');
    const after = JSON.parse((await run(['workers', '--queue', redis.url, '--json'])).stdout) as { workers: Array<{ name: string }> };
    expect(after.workers.map((worker) => worker.name)).toEqual(['wb']);
    expect((await listWorkers(redis.url)).map((worker) => worker.name)).toEqual(['wb']);
  });
});
