import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runsPerTask } from './agent-runs.js';
import { clusterTask, PR_BRANCH, startCluster } from './cluster-kit.js';
import { until } from './cluster-process.js';

describe('Redis stopped for ~3 s mid-run, then restarted on the same port', () => {
  it('the run still ends done, nothing lost or run twice; coordinator and workers said it was down and back', async () => {
    const tasks = [
      clusterTask('o1', { domain: 'api' }, 'slow 3'),
      clusterTask('o2', { domain: 'api', depends_on: ['o1'] }),
      clusterTask('o3', { domain: 'web' }, 'slow 3'),
      clusterTask('o4', { domain: 'web', depends_on: ['o3', 'o2'] }),
    ];
    // BullMQ's default 30 s lock: an outage shorter than it must not hand a live worker's job on.
    const cluster = await startCluster({ tasks, workers: ['w1', 'w2'] });
    const coordinator = cluster.startRun(['--auto-verify', '--concurrency', '2']);
    await until(() => cluster.agentRuns().length === 2, 'both slow agents to start');
    await cluster.redis.stop();
    await sleep(3000);
    await cluster.redis.restart();

    const { exitCode, output } = await coordinator.ended;
    expect(exitCode, output).toBe(0);
    expect(Object.values(cluster.plan()).map((task) => `${task.id}:${task.status}:${task.attempt}`)).toEqual(['o1:done:1', 'o2:done:1', 'o3:done:1', 'o4:done:1']);
    expect((await cluster.prCommits()).sort()).toEqual(['o1: Task o1', 'o2: Task o2', 'o3: Task o3', 'o4: Task o4']);
    expect(await cluster.remoteRef(`refs/heads/${PR_BRANCH}`)).toBe(await cluster.git(['rev-parse', 'HEAD']));
    expect(runsPerTask(cluster.agentRuns())).toEqual({ o1: 1, o2: 1, o3: 1, o4: 1 });
    const down = `redis://127.0.0.1:${cluster.redis.port} unreachable (ECONNREFUSED); retrying`;
    const back = `redis://127.0.0.1:${cluster.redis.port} reachable again`;
    expect(output).toContain(down);
    expect(output).toContain(back);
    for (const worker of cluster.workers.values()) {
      expect(worker.output()).toContain(down);
      await until(() => worker.output().includes(back), `${worker.name} to say Redis is back`);
    }
  }, 90_000);
});

describe('Redis gone for good mid-run', () => {
  it('SIGINT ends the coordinator (exit 130, tasks interrupted) and SIGTERM each worker, none waiting for Redis', async () => {
    const tasks = [clusterTask('g1', { domain: 'api' }, 'slow 4'), clusterTask('g2', { domain: 'web' }, 'slow 4')];
    const cluster = await startCluster({ tasks, workers: ['w1'] });
    const coordinator = cluster.startRun(['--auto-verify', '--concurrency', '2']);
    // g1 runs on the one worker; g2 waits in the queue.
    await until(() => cluster.agentRuns().length === 1, 'one agent to start');
    await cluster.redis.stop();
    const down = `redis://127.0.0.1:${cluster.redis.port} unreachable (ECONNREFUSED); retrying`;
    await coordinator.waitFor(down);
    process.kill(coordinator.pid, 'SIGINT');
    const { exitCode, output } = await coordinator.ended;
    expect(exitCode, output).toBe(130);
    expect(output).toContain(`the workers could not be told to cancel this run (redis://127.0.0.1:${cluster.redis.port} unreachable)`);
    const plan = cluster.plan();
    expect([plan.g1, plan.g2].map((task) => `${task?.status} (${task?.blocked_reason})`)).toEqual(['blocked (interrupted)', 'pending (undefined)']);
    const worker = cluster.workers.get('w1')!;
    await worker.waitFor(down);
    // The first SIGTERM lets the running job finish (4 s of agent), then the worker ends without Redis.
    process.kill(worker.pid, 'SIGTERM');
    expect((await worker.ended).exitCode, worker.output()).toBe(0);
    expect(worker.output()).toContain(`worker w1: redis://127.0.0.1:${cluster.redis.port} unreachable: stopped without waiting for it`);
  }, 90_000);
});
