import { git, startRedis } from '@planwright/test-utils';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { fakeTask, jobContext, jobRemote, jobRequest } from '../src/job/job-test-kit.js';
import { mirrorPath } from '../src/job/mirror.js';
import { runTaskJob } from '../src/job/run-task-job.js';
import type { RunJob } from '../src/job/run-job-type.js';
import { createRedisExecutor } from '../src/queue/redis-executor.js';
import { startWorker } from '../src/worker/start-worker.js';
// @ts-expect-error plain JavaScript fixture, shared with the worker processes
import { scriptedRunJob } from './fixtures/scripted-run-job.mjs';
import { hooks, request } from './helpers.js';

async function setup(runJob: RunJob, cacheDir: string, env?: NodeJS.ProcessEnv) {
  const redis = await startRedis();
  const executor = await createRedisExecutor(redis.url, { notice: () => {} });
  onTestFinished(() => executor.close());
  const worker = await startWorker({ queue: redis.url, name: 'w1', cacheDir, runJob, env });
  onTestFinished(() => worker.stop({ force: true }));
  return { executor, worker };
}

describe('a job\'s cleanup runs after its report', () => {
  it('the report arrives while the cleanup still runs; stop waits for the cleanup', async () => {
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const scripted = scriptedRunJob({ markerDir: (await jobContext()).cacheDir, sleepMs: 10 }) as RunJob;
    const runJob: RunJob = async (job, context) => {
      const report = await scripted(job, context);
      context.afterReport?.(async () => {
        await gate;
        events.push('cleaned');
      });
      return report;
    };
    const { executor, worker } = await setup(runJob, (await jobContext()).cacheDir);
    const report = await executor.execute(request('t1'), hooks());
    expect(report.status).toBe('agent_done');
    events.push('reported');
    const stopped = worker.stop().then(() => events.push('stopped'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await stopped;
    expect(events).toEqual(['reported', 'cleaned', 'stopped']);
  });

  it('a worker keeps its worktree slot between jobs, and stopped leaves no worktree, branch or run folder', { timeout: 60_000 }, async () => {
    const remote = await jobRemote();
    const context = await jobContext();
    const { executor, worker } = await setup(runTaskJob, context.cacheDir, context.env);
    const report = await executor.execute(jobRequest(remote, fakeTask('task_001', {}, 'write one.txt 1')), hooks());
    expect(report.commit).toBeDefined();
    // Until the stop, the worker keeps the job's worktree (a slot) for its next job.
    expect(await readdir(join(context.cacheDir, 'worktrees'))).not.toEqual([]);
    await worker.stop();
    expect(await readdir(join(context.cacheDir, 'worktrees'))).toEqual([]);
    expect(await readdir(join(context.cacheDir, 'runs'))).toEqual([]);
    expect(await git(mirrorPath(context.cacheDir, remote.remote), ['branch', '--list'])).toBe('');
  });
});
