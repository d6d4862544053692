import { describe, expect, it } from 'vitest';
import { runsPerTask } from './agent-runs.js';
import { clusterTask, startCluster } from './cluster-kit.js';
import { groupAlive, until } from './cluster-process.js';

describe('planwright stop and SIGINT on a run on workers', () => {
  it('stop: nothing new starts anywhere, the running tasks finish and are integrated, the rest pending, exit 2', async () => {
    // Slow tasks at concurrency 3 on two one-job workers: two run, the third waits in the queue.
    const tasks = [
      clusterTask('r1', { domain: 'api' }, 'slow 4'),
      clusterTask('r2', { domain: 'web' }, 'slow 4'),
      clusterTask('r3', { domain: 'db' }, 'slow 4'),
      clusterTask('p1', { domain: 'api', depends_on: ['r1'] }),
      clusterTask('p2', { domain: 'docs' }, 'slow 4'),
    ];
    const cluster = await startCluster({ tasks, workers: ['w1', 'w2'] });
    const coordinator = cluster.startRun(['--auto-verify', '--concurrency', '3']);
    await until(() => cluster.agentRuns().length === 2, 'two agents to start');
    const started = cluster.agentRuns().map((run) => run.taskId).sort();
    const stopped = await cluster.stop(coordinator);
    expect(stopped.exitCode, stopped.output).toBe(0);

    const { exitCode, output } = await coordinator.ended;
    expect(exitCode, output).toBe(2);
    const plan = cluster.plan();
    for (const id of ['r1', 'r2', 'r3', 'p1', 'p2']) expect(`${id}:${plan[id]?.status}`).toBe(`${id}:${started.includes(id) ? 'done' : 'pending'}`);
    expect((await cluster.prCommits()).sort()).toEqual(started.map((id) => `${id}: Task ${id}`));
    // The job no worker had taken was withdrawn: with both workers free again, it still never starts.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(runsPerTask(cluster.agentRuns())).toEqual(Object.fromEntries(started.map((id) => [id, 1])));
  }, 90_000);

  it('SIGINT: exit 130, the running tasks blocked (interrupted), their agents ended by the workers', async () => {
    const tasks = [clusterTask('h1', { domain: 'api' }, 'slow 60'), clusterTask('h2', { domain: 'web' }, 'slow 60')];
    const cluster = await startCluster({ tasks, workers: ['w1', 'w2'] });
    const coordinator = cluster.startRun(['--auto-verify', '--concurrency', '2']);
    await until(() => cluster.agentRuns().length === 2, 'both agents to start');
    const agents = cluster.agentRuns();
    process.kill(coordinator.pid, 'SIGINT');

    const { exitCode, output } = await coordinator.ended;
    expect(exitCode, output).toBe(130);
    const plan = cluster.plan();
    expect([plan.h1, plan.h2].map((task) => `${task?.status} (${task?.blocked_reason})`)).toEqual(['blocked (interrupted)', 'blocked (interrupted)']);
    expect(await cluster.prCommits()).toEqual([]);
    // The workers were told over Redis: they end the agents (checked by process group) and carry on serving.
    await until(() => agents.every((agent) => !groupAlive(agent.pgid)), 'the workers to end both agents', 15_000);
    for (const worker of cluster.workers.values()) expect(worker.alive()).toBe(true);
    await until(() => [...cluster.workers.values()].every((worker) => /^pr-1__h\d__\S+: failed \(interrupted: the coordinator cancelled the run\)$/m.test(worker.output())), 'both workers to say the job was interrupted', 15_000);
  }, 90_000);
});
