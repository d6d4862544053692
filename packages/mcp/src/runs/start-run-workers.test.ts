import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { loadPlan } from '@planwright/plan-schema';
import { git, startRedis } from '@planwright/test-utils';
import { describe, expect, it, onTestFinished } from 'vitest';
import { call, callError, fakeTask, memoryClient } from '../../test/mcp-fixture.js';
import { endGroup, PR_BRANCH, startWorker, workersRepo } from '../../test/workers-fixture.js';

// start_run on a coordinator whose tasks run on a `planwright-worker` process, through a real redis-server.
const TASKS = [
  fakeTask('task_001', { description: 'Do it.\nfake-agent: write one.txt one', verify: ['test -f one.txt'], domain: 'one' }),
  fakeTask('task_002', { description: 'Do it.\nfake-agent: write two.txt two', verify: ['test -f one.txt', 'test -f two.txt'], depends_on: ['task_001'], domain: 'two' }),
];

/** start_run's answer; its orchestrator's group is ended when the test finishes, should the run still go on. */
async function startRun(client: Client, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const started = await call(client, 'start_run', { pr: 'pr-1', compact_run: true, ...args });
  onTestFinished(() => endGroup(started.pid as number, 'SIGKILL'));
  return started;
}

async function waitToEnd(client: Client, runId: unknown): Promise<Record<string, unknown>> {
  let waited: Record<string, unknown> = {};
  for (let i = 0; i < 12 && (waited.active ?? true); i++) waited = await call(client, 'wait_run', { pr: 'pr-1', run_id: runId, timeout_seconds: 10 });
  return waited;
}

describe('start_run with an executor: the tasks run on workers', () => {
  it('orchestrator.toml names the executor: both tasks done on the worker, integrated on the PR branch and pushed', async () => {
    const redis = await startRedis();
    const fixture = await workersRepo(TASKS);
    await writeFile(join(fixture.env.CODEX_HOME!, 'orchestrator.toml'), `executor = ${JSON.stringify(redis.url)}\n`);
    const worker = await startWorker(redis.url, 'w1');
    const client = await memoryClient(fixture.repo, fixture.env);
    const started = await startRun(client, { auto_verify: true });
    const waited = await waitToEnd(client, started.run_id);
    const said = `${await readFile(started.output_file as string, 'utf8')}\nworker:\n${worker.output()}`;
    expect(waited, said).toMatchObject({ active: false, run_status: 'completed' });
    const plan = await loadPlan(fixture.planFile);
    expect(plan.tasks.map((task) => [task.id, task.status, task.worker, task.attempt]), said).toEqual([['task_001', 'done', 'w1', 1], ['task_002', 'done', 'w1', 1]]);
    expect(await git(fixture.repo, ['log', '--format=%s', `${fixture.base}..${PR_BRANCH}`])).toBe('task_002: Task task_002\ntask_001: Task task_001');
    expect(await readFile(join(fixture.repo, 'two.txt'), 'utf8')).toContain('two');
    expect(await git(fixture.remote, ['rev-parse', PR_BRANCH])).toBe(await git(fixture.repo, ['rev-parse', 'HEAD']));
    expect(worker.output()).toMatch(/task_002: pushed [0-9a-f]{12} to planwright\/pr-1\/task_002/);
  });

  it('the executor argument, with a password: run on the worker, the password never in the answer', async () => {
    const redis = await startRedis({ password: 's3cret-pw' });
    const fixture = await workersRepo(TASKS);
    await startWorker(redis.url, 'w1');
    const client = await memoryClient(fixture.repo, fixture.env);
    const started = await startRun(client, { task_id: 'task_001', executor: redis.url });
    expect(started.command).toEqual(expect.arrayContaining(['--executor', `redis://:***@127.0.0.1:${redis.port}`]));
    expect(JSON.stringify(started)).not.toContain('s3cret-pw');
    expect(await waitToEnd(client, started.run_id)).toMatchObject({ active: false, run_status: 'completed' });
    expect((await loadPlan(fixture.planFile)).tasks.map((task) => [task.id, task.status, task.worker])).toEqual([['task_001', 'agent_done', 'w1'], ['task_002', 'pending', undefined]]);
    expect(await git(fixture.repo, ['log', '-1', '--format=%s'])).toBe('task_001: Task task_001');
  });

  it('an executor that is no URL, or a remote the repository lacks, is a tool error naming the flag; nothing is written', async () => {
    const fixture = await workersRepo(TASKS);
    const before = await readFile(fixture.planFile, 'utf8');
    const client = await memoryClient(fixture.repo, fixture.env);
    expect(await callError(client, 'start_run', { pr: 'pr-1', executor: 'not-a-url' })).toMatch(/start_run: the orchestrator exited 2 before starting a run: .*--executor not-a-url: not a URL/);
    expect(await callError(client, 'start_run', { pr: 'pr-1', executor: 'redis://127.0.0.1:1', remote: 'upstream' })).toMatch(/exited 2 before starting a run: planwright: --remote upstream: no such git remote/);
    expect(await readFile(fixture.planFile, 'utf8')).toBe(before);
    expect(existsSync(join(fixture.planDir, 'runs'))).toBe(false);
  });
});
