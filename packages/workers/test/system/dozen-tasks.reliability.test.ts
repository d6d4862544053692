import { describe, expect, it } from 'vitest';
import { runsPerTask } from './agent-runs.js';
import { clusterTask, PR_BRANCH, startCluster } from './cluster-kit.js';

// Three chains in three domains, two loose tasks, and a join: the roots are a little slow so the first
// three jobs are in flight at once and every worker (one job at a time each) takes one.
const TASKS = [
  clusterTask('a1', { domain: 'api' }, 'slow 1'),
  clusterTask('a2', { domain: 'api', depends_on: ['a1'] }),
  clusterTask('a3', { domain: 'api', depends_on: ['a2'] }),
  clusterTask('b1', { domain: 'web' }, 'slow 1'),
  clusterTask('b2', { domain: 'web', depends_on: ['b1'] }),
  clusterTask('b3', { domain: 'web', depends_on: ['b2'] }),
  clusterTask('c1', { domain: 'db' }, 'slow 1'),
  clusterTask('c2', { domain: 'db', depends_on: ['c1'] }),
  clusterTask('d1', { domain: 'docs' }),
  clusterTask('d2', { domain: 'docs', depends_on: ['d1', 'a1'] }),
  clusterTask('e1', { domain: 'ops', depends_on: ['a3', 'b3'] }),
  clusterTask('e2', { domain: 'ops', depends_on: ['e1', 'c2', 'd2'] }),
];

describe('a dozen dependent tasks on three worker processes', () => {
  it('all done, one commit per task on the PR branch, pushed; every worker ran some; each agent once', async () => {
    const cluster = await startCluster({ tasks: TASKS, workers: ['w1', 'w2', 'w3'] });
    const { exitCode, output } = await cluster.run(['--auto-verify', '--concurrency', '3']);
    expect(exitCode, output).toBe(0);
    const plan = cluster.plan();
    expect(Object.values(plan).map((task) => `${task.id}:${task.status}`)).toEqual(TASKS.map((task) => `${task.id}:done`));
    const commits = await cluster.prCommits();
    expect([...commits].sort()).toEqual(TASKS.map((task) => `${task.id}: Task ${task.id}`).sort());
    // Dependencies land first: a task's commit comes after the commits of what it depends on.
    for (const task of TASKS) {
      for (const dep of task.depends_on ?? []) expect(commits.indexOf(`${dep}: Task ${dep}`)).toBeLessThan(commits.indexOf(`${task.id}: Task ${task.id}`));
    }
    expect(await cluster.remoteRef(`refs/heads/${PR_BRANCH}`)).toBe(await cluster.git(['rev-parse', 'HEAD']));
    expect(new Set(Object.values(plan).map((task) => task.worker))).toEqual(new Set(['w1', 'w2', 'w3']));
    expect(Object.values(plan).every((task) => task.attempt === 1)).toBe(true);
    const runs = cluster.agentRuns();
    expect(runsPerTask(runs)).toEqual(Object.fromEntries(TASKS.map((task) => [task.id, 1])));
    // The worker the plan names is the one whose cache the agent ran in.
    for (const run of runs) expect(run.worker).toBe(plan[run.taskId]?.worker);
  }, 90_000);
});
