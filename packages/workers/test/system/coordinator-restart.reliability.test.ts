import { describe, expect, it } from 'vitest';
import { runsPerTask } from './agent-runs.js';
import { clusterTask, PR_BRANCH, startCluster } from './cluster-kit.js';
import { until } from './cluster-process.js';

const FLAGS = ['--auto-verify', '--concurrency', '3'];

describe('the coordinator killed with kill -9 mid-run, then started again', () => {
  it('adopts the finished jobs (integrated once) and the running one, sends nothing twice, ends done', async () => {
    const tasks = [
      clusterTask('f1', { domain: 'api' }, 'slow 3'),
      clusterTask('f2', { domain: 'web' }, 'slow 3'),
      clusterTask('r1', { domain: 'db' }, 'slow 10'),
      clusterTask('g1', { domain: 'api', depends_on: ['f1', 'f2'] }),
    ];
    const cluster = await startCluster({ tasks, workers: ['w1', 'w2', 'w3'] });
    const first = cluster.startRun(FLAGS);
    await until(() => new Set(cluster.agentRuns().map((run) => run.taskId)).size === 3, 'three agents to start');
    process.kill(first.pid, 'SIGKILL');
    await first.ended;
    const claimed = cluster.plan();
    expect(['f1', 'f2', 'r1', 'g1'].map((id) => claimed[id]?.status)).toEqual(['in_progress', 'in_progress', 'in_progress', 'pending']);
    // f1 and f2 finish on their workers while no coordinator listens; r1 is still running at the restart.
    const workerOutput = () => [...cluster.workers.values()].map((worker) => worker.output()).join('\n');
    await until(() => workerOutput().includes('pr-1/f1: done') && workerOutput().includes('pr-1/f2: done'), 'f1 and f2 to finish on their workers');
    expect(workerOutput()).not.toContain('pr-1/r1: done');

    const { exitCode, output } = await cluster.run(FLAGS);
    expect(exitCode, output).toBe(0);
    // The restart integrated the two finished jobs before anything else, and awaited the running one.
    expect(output).toMatch(/^reconciled f1: in_progress -> done \(finished on w\d\)$/m);
    expect(output).toMatch(/^reconciled f2: in_progress -> done \(finished on w\d\)$/m);
    expect(output).toMatch(/^r1: committed [0-9a-f]+ \(from w\d, /m);
    expect(Object.values(cluster.plan()).map((task) => `${task.id}:${task.status}:${task.attempt}`)).toEqual(['f1:done:1', 'f2:done:1', 'r1:done:1', 'g1:done:1']);
    const commits = await cluster.prCommits();
    expect([...commits].sort()).toEqual(['f1: Task f1', 'f2: Task f2', 'g1: Task g1', 'r1: Task r1']);
    expect(await cluster.remoteRef(`refs/heads/${PR_BRANCH}`)).toBe(await cluster.git(['rev-parse', 'HEAD']));
    expect(runsPerTask(cluster.agentRuns())).toEqual({ f1: 1, f2: 1, r1: 1, g1: 1 });
  }, 90_000);
});
