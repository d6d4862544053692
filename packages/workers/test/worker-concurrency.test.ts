import type { RemoteTaskRequest } from '@planwright/agent-runner';
import { startRedis, tempDir } from '@planwright/test-utils';
import { readdir } from 'node:fs/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { RunJob } from '../src/job/run-job-type.js';
import { createRedisExecutor } from '../src/queue/redis-executor.js';
import { startWorker } from '../src/worker/start-worker.js';
// @ts-expect-error plain JavaScript fixture, shared with the worker processes
import { scriptedRunJob } from './fixtures/scripted-run-job.mjs';
import { hooks, request, until } from './helpers.js';

// --concurrency of a worker serving two agent queues: BullMQ counts per queue, the worker across them.

const forAgent = (id: string, agent: string): RemoteTaskRequest => {
  const base = request(id);
  return { ...base, settings: { ...base.settings, agent } };
};

async function setup(sleepMs: number) {
  const redis = await startRedis();
  const markerDir = await tempDir();
  const executor = await createRedisExecutor(redis.url, { notice: () => {} });
  onTestFinished(() => executor.close());
  // The scripted runner, counting the jobs that run at once.
  const scripted = scriptedRunJob({ markerDir, sleepMs }) as RunJob;
  const count = { now: 0, most: 0 };
  const runJob: RunJob = async (job, context) => {
    count.most = Math.max(count.most, ++count.now);
    try {
      return await scripted(job, context);
    } finally {
      count.now--;
    }
  };
  const lines: string[] = [];
  const start = async (name: string, concurrency: number) => {
    const worker = await startWorker({ queue: redis.url, name, cacheDir: markerDir, agents: ['codex', 'claude'], concurrency, runJob, onLine: (line) => lines.push(line) });
    onTestFinished(() => worker.stop({ force: true }));
    return worker;
  };
  return { executor, markerDir, count, lines, start };
}

/**
 * A worker of concurrency 1 running a codex job (`long`, `sleepMs`), and a claude job (`other`) that its
 * claude queue's fetch, under way when the worker filled, took and handed back.
 */
async function fullWorker(name: string, sleepMs: number) {
  const context = await setup(sleepMs);
  const worker = await context.start(name, 1);
  const codex = context.executor.execute(forAgent('long', 'codex'), hooks());
  await until(() => worker.info().running.length === 1, 'the codex job to run');
  const claudeHooks = hooks();
  const claude = context.executor.execute(forAgent('other', 'claude'), claudeHooks);
  await until(() => context.lines.some((line) => line.endsWith('handed back to its queue (this worker is full)')), 'the claude job to be handed back');
  return { ...context, worker, codex, claude, claudeHooks };
}

describe('worker --concurrency across agent queues', () => {
  it('runs at most --concurrency jobs at once, whichever queues they come from', async () => {
    const { executor, count, start } = await setup(300);
    await start('w1', 2);
    const reports = await Promise.all(['a', 'b', 'c'].flatMap((id) => [executor.execute(forAgent(`${id}x`, 'codex'), hooks()), executor.execute(forAgent(`${id}y`, 'claude'), hooks())]));
    expect(reports.map((report) => report.status)).toEqual(Array(6).fill('agent_done'));
    expect(count.most).toBe(2);
  });

  it('hands back a job fetched while it is full, which then runs as its first attempt', async () => {
    const { worker, codex, claude, claudeHooks, markerDir, count } = await fullWorker('w1', 1200);
    expect(worker.info().running.map((job) => job.task)).toEqual(['long']);
    const [first, second] = await Promise.all([codex, claude]);
    expect([first.status, second.status]).toEqual(['agent_done', 'agent_done']);
    expect(count.most).toBe(1);
    expect(claudeHooks.placements).toEqual([expect.objectContaining({ worker: 'w1', attempt: 1 })]);
    expect((await readdir(markerDir)).filter((name) => name.endsWith('.start')).sort()).toEqual(['long.w1.1.start', 'other.w1.1.start']);
  });

  it('a job handed back by a full worker goes to a worker with room', async () => {
    const { codex, claude, markerDir, start } = await fullWorker('full', 3000);
    await start('roomy', 1);
    expect((await claude).placement).toMatchObject({ worker: 'roomy', attempt: 1 });
    expect((await codex).placement).toMatchObject({ worker: 'full', attempt: 1 });
    expect((await readdir(markerDir)).filter((name) => name.startsWith('other.')).sort()).toEqual(['other.roomy.1.done', 'other.roomy.1.start']);
  });

  it('stops while full without starting the job it handed back', async () => {
    const { worker, codex, claude, markerDir } = await fullWorker('w1', 1000);
    void claude.catch(() => {});
    await worker.stop();
    expect((await codex).status).toBe('agent_done');
    expect((await readdir(markerDir)).filter((name) => name.startsWith('other.'))).toEqual([]);
  });
});
