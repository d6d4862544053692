import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runsPerTask } from './agent-runs.js';
import { clusterTask, startCluster } from './cluster-kit.js';
import { groupAlive, until } from './cluster-process.js';

const SLOW_S = 5;

/**
 * Task s1 (`directive` for its agent) on two workers with a 2 s lock; the worker whose agent starts first
 * is frozen (SIGSTOP) at once, so the job goes to the other as attempt 2.
 */
async function freezeTheFirstWorker(directive: string) {
  const cluster = await startCluster({ tasks: [clusterTask('s1', { domain: 'api' }, directive)], workers: ['w1', 'w2'], lockMs: 2000 });
  const coordinator = cluster.startRun(['--auto-verify']);
  await until(() => cluster.agentRuns().length === 1, 's1\'s agent to start');
  const frozen = cluster.workers.get(cluster.agentRuns()[0]!.worker)!;
  process.kill(frozen.pid, 'SIGSTOP');
  return { cluster, coordinator, frozen, other: frozen.name === 'w1' ? 'w2' : 'w1' };
}

describe('a worker process killed (kill -9) or frozen (SIGSTOP) mid-task', () => {
  it('the job goes to the other worker as attempt 2; the run ends done; the killed attempt lands nowhere', async () => {
    const tasks = [clusterTask('s1', { domain: 'api' }, `slow ${SLOW_S}`), clusterTask('q1', { domain: 'web', depends_on: ['s1'] })];
    // A 2 s lock: the dead worker's job is handed on in seconds, not BullMQ's default 30.
    const cluster = await startCluster({ tasks, workers: ['w1', 'w2'], lockMs: 2000 });
    const coordinator = cluster.startRun(['--auto-verify', '--concurrency', '2']);
    await until(() => cluster.agentRuns().some((run) => run.taskId === 's1'), 's1\'s agent to start');
    const [first] = cluster.agentRuns();
    const victim = cluster.workers.get(first!.worker)!;
    const survivor = victim.name === 'w1' ? 'w2' : 'w1';
    process.kill(victim.pid, 'SIGKILL');
    // kill -9 orphans the killed worker's agent in its own process group: nothing can end it for the worker.
    expect(groupAlive(first!.pgid)).toBe(true);

    const { exitCode, output } = await coordinator.ended;
    expect(exitCode, output).toBe(0);
    const status = (await cluster.status()) as { tasks: Array<{ id: string; status: string; placement: { worker: string; attempt: number } | null }> };
    expect(status.tasks.map((task) => [task.id, task.status, task.placement?.worker, task.placement?.attempt])).toEqual([
      ['s1', 'done', survivor, 2],
      ['q1', 'done', survivor, 1],
    ]);
    expect(await cluster.prCommits()).toEqual(['s1: Task s1', 'q1: Task q1']);
    // Only the surviving attempt pushed: the killed one has no ref on the remote, so nothing of it can be integrated.
    expect(await cluster.remoteRef(`refs/planwright/attempts/pr-1/s1/2-${survivor}`)).not.toBe('');
    expect(await cluster.remoteRef(`refs/planwright/attempts/pr-1/s1/1-${victim.name}`)).toBe('');
    const runs = cluster.agentRuns();
    expect(runsPerTask(runs)).toEqual({ s1: 2, q1: 1 });
    expect(runs.filter((run) => run.taskId === 's1').map((run) => run.worker)).toEqual([victim.name, survivor]);
    // What is promised for the orphan: it runs its task to the end and exits (no process left after), and
    // its late work stays in the dead worker's worktree, never committed nor pushed.
    await until(() => !groupAlive(first!.pgid), 'the orphaned agent of the killed worker to end', (SLOW_S + 10) * 1000);
    expect(existsSync(join(first!.cwd, 's1.txt'))).toBe(true);
    expect(await cluster.prCommits()).toEqual(['s1: Task s1', 'q1: Task q1']);
  }, 90_000);

  it('frozen past its lock (SIGSTOP), then back (SIGCONT): its late finish is refused, the task lands once', async () => {
    const { cluster, coordinator, frozen, other } = await freezeTheFirstWorker('slow 3');
    await until(() => cluster.agentRuns().length === 2, 'the other worker to take s1 as attempt 2');
    process.kill(frozen.pid, 'SIGCONT');

    const { exitCode, output } = await coordinator.ended;
    expect(exitCode, output).toBe(0);
    expect(cluster.plan().s1).toMatchObject({ status: 'done', worker: other, attempt: 2 });
    await frozen.waitFor(/: late moveToFinished refused \(its lock lapsed; another worker owns the job now\)/);
    // The frozen attempt did push its own ref when it came back; the coordinator integrated attempt 2's commit only.
    const integrated = await cluster.git(['rev-parse', 'HEAD^{tree}']);
    expect(await cluster.prCommits()).toEqual(['s1: Task s1']);
    expect(await cluster.git(['rev-parse', `${await cluster.remoteRef(`refs/planwright/attempts/pr-1/s1/2-${other}`)}^{tree}`])).toBe(integrated);
    expect(frozen.alive()).toBe(true);
  }, 90_000);
});

describe('a worker frozen past its lock, back after the task landed', () => {
  it("pushes only its attempt ref: the task branch keeps the attempt that stands", async () => {
    const { cluster, coordinator, frozen, other } = await freezeTheFirstWorker('slow 2');
    // Attempt 2 runs on the other worker, pushes the task branch and lands, all while the first is frozen.
    const { exitCode, output } = await coordinator.ended;
    expect(exitCode, output).toBe(0);
    const standing = await cluster.remoteRef(`refs/planwright/attempts/pr-1/s1/2-${other}`);
    expect(await cluster.remoteRef('refs/heads/planwright/pr-1/s1')).toBe(standing);
    process.kill(frozen.pid, 'SIGCONT');

    await frozen.waitFor(/: late moveToFinished refused/);
    expect(frozen.output()).toMatch(/s1: another worker owns the job now: pushed only this attempt's ref, not planwright\/pr-1\/s1/);
    expect(await cluster.remoteRef(`refs/planwright/attempts/pr-1/s1/1-${frozen.name}`)).not.toBe('');
    expect(await cluster.remoteRef('refs/heads/planwright/pr-1/s1')).toBe(standing);
  }, 90_000);
});

describe('a worker killed (kill -9) and started again on its cache', () => {
  it('ends the agent the killed worker left running, before taking any job', async () => {
    const tasks = [clusterTask('s1', { domain: 'api' }, 'slow 60')];
    const cluster = await startCluster({ tasks, workers: ['w1'] });
    const coordinator = cluster.startRun(['--auto-verify']);
    await until(() => cluster.agentRuns().length === 1, 's1\'s agent to start');
    const [orphan] = cluster.agentRuns();
    process.kill(cluster.workers.get('w1')!.pid, 'SIGKILL');
    expect(groupAlive(orphan!.pgid)).toBe(true);

    // As systemd would restart it: the same name and cache. The sweep runs before the worker takes a job.
    const restarted = await cluster.startWorker('w1');
    // Ended (TERM) by then; its process is reaped by whoever inherited it a moment later.
    await until(() => !groupAlive(orphan!.pgid), 'the orphan\'s process group to be gone', 5000);
    expect(restarted.output()).toMatch(new RegExp(`^s1: the agent left running by a dead worker \\(\\S+ pid \\d+\\): TERM to process group ${orphan!.pgid} `, 'm'));
    process.kill(coordinator.pid, 'SIGINT');
    await coordinator.ended;
  }, 90_000);
});
