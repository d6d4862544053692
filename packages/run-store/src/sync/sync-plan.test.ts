import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { timestamp } from '@planwright/plan-schema';
import { tempDir, tempPlanRepo } from '@planwright/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { deadPid, spawnGroup, writeRun } from '../../test/helpers.js';
import { runStamp } from '../layout/run-id.js';
import { syncPlan } from './sync-plan.js';

// Run ids carry the orchestrator's pid; these use a pid that is gone, so only what the test sets up
// (an agent pid) can keep a task "alive".
let dead: number;
beforeAll(async () => {
  dead = await deadPid();
});
const runName = (minute: number) => `20261124-10${String(minute).padStart(2, '0')}00-${dead}`;
const runId = (minute: number) => `${runName(minute)}-ab12`;

async function setup(tasks: object[], runs: [number, Record<string, unknown>, object?][]) {
  const repo = await tempPlanRepo({ plan: { goal: 'g', x_top: 1, tasks } });
  const runsRoot = join(repo.planDir, 'runs');
  for (const [minute, results, extra] of runs) {
    const withIds = Object.fromEntries(
      Object.entries(results).map(([id, value]) => [id, typeof value === 'string' ? value : { task_id: id, run_id: runId(minute), ...(value as object) }]),
    );
    await writeRun(runsRoot, runName(minute), { results: withIds, ...extra });
  }
  const plan = async () => JSON.parse(await readFile(repo.planFile, 'utf8'));
  return { ...repo, runsRoot, plan };
}

const byId = (plan: { tasks: { id: string }[] }) => Object.fromEntries(plan.tasks.map((task) => [task.id, task])) as Record<string, Record<string, unknown>>;

describe('syncPlan', () => {
  it("trusts no results file whose run id its run folder never had", async () => {
    const meta = (ids: string[]) => ({ run_dir: 'x', invocation_run_id: ids.at(-1), invocations: ids, created_at: 't', updated_at: 't', status: 'completed' });
    const { repo, runsRoot, plan } = await setup([{ id: 'a', status: 'in_progress', last_run_id: runId(1) }, { id: 'b', status: 'in_progress', last_run_id: runId(1) }], []);
    // A reused folder: two invocations, both known to meta.json; and a results file from nowhere.
    await writeRun(runsRoot, runName(5), {
      meta: meta([runId(4), runId(5)]),
      results: { a: { task_id: 'a', run_id: runId(4), status: 'completed' }, b: { task_id: 'b', run_id: 'zz-forged', status: 'completed' } },
    });
    const report = await syncPlan({ repo, pr: 'pr-1', dryRun: true });
    // b's forged result is ignored; with its agent gone and no results, it is interrupted instead.
    expect(report.changes.map((change) => [change.task_id, change.to, change.source])).toEqual([
      ['a', 'agent_done', 'results'],
      ['b', 'blocked', 'interrupted'],
    ]);
    expect(byId(await plan()).b!.status).toBe('in_progress'); // a dry run writes nothing
  });

  it('applies the newest results of each task across runs', async () => {
    const { repo, plan } = await setup(
      [
        { id: 'a', status: 'in_progress', last_run_id: runId(10) },
        { id: 'b', status: 'in_progress', last_run_id: runId(10) },
      ],
      [
        [10, { a: { status: 'completed' }, b: { status: 'completed' } }],
        [20, { b: { status: 'partial' } }],
        [5, { a: { status: 'failed' } }],
      ],
    );
    const report = await syncPlan({ repo, pr: 'pr-1' });
    expect(report.changes.map((c) => [c.task_id, c.from, c.to, c.reason, c.run_id])).toEqual([
      ['a', 'in_progress', 'agent_done', null, runId(10)],
      ['b', 'in_progress', 'blocked', 'agent_reported_partial', runId(20)],
    ]);
    const tasks = byId(await plan());
    expect(tasks.a).toMatchObject({ status: 'agent_done', last_run_id: runId(10) });
    expect(tasks.a!.agent_done_at).toMatch(/Z$/);
    expect(tasks.b).toMatchObject({ status: 'blocked', blocked_reason: 'agent_reported_partial', last_run_id: runId(20) });
  });

  it('blocks on partial, failed, timeout and blocked results; never sets done', async () => {
    const statuses = ['completed', 'partial', 'failed', 'timeout', 'blocked'];
    const { repo, plan } = await setup(
      statuses.map((status) => ({ id: status, status: 'in_progress', last_run_id: runId(10) })),
      [[10, Object.fromEntries(statuses.map((status) => [status, { status }]))]],
    );
    await syncPlan({ repo, pr: 'pr-1' });
    const tasks = byId(await plan());
    expect(Object.fromEntries(statuses.map((s) => [s, [tasks[s]!.status, tasks[s]!.blocked_reason ?? null]]))).toEqual({
      completed: ['agent_done', null],
      partial: ['blocked', 'agent_reported_partial'],
      failed: ['blocked', 'agent_reported_failed'],
      timeout: ['blocked', 'timeout'],
      blocked: ['blocked', 'agent_reported_blocked'],
    });
  });

  it('never touches done or deferred tasks, keeps unknown keys, records last_sync_at', async () => {
    const { repo, plan } = await setup(
      [
        { id: 'd', status: 'done', last_run_id: runId(1), x_mine: true },
        { id: 'f', status: 'deferred', last_run_id: runId(1) },
      ],
      [[30, { d: { status: 'failed' }, f: { status: 'completed' } }]],
    );
    const report = await syncPlan({ repo, pr: 'pr-1' });
    expect(report.changes).toEqual([]);
    const after = await plan();
    expect(byId(after).d).toEqual({ id: 'd', status: 'done', last_run_id: runId(1), x_mine: true });
    expect(byId(after).f!.status).toBe('deferred');
    expect(after.x_top).toBe(1);
    expect(after.orchestrator.last_sync_at).toBe(report.last_sync_at);
  });

  it('does not flip a task the planner re-opened back with old results, but applies newer ones and a fresh task\'s', async () => {
    const { repo, plan } = await setup(
      [
        { id: 'reopened', status: 'pending', last_run_id: runId(10) },
        { id: 'blocked', status: 'blocked', blocked_reason: 'timeout', last_run_id: runId(10) },
        { id: 'resumed', status: 'blocked', blocked_reason: 'timeout', last_run_id: runId(10) },
        { id: 'fresh', status: 'pending' },
      ],
      [
        [10, { reopened: { status: 'completed' }, blocked: { status: 'partial' }, fresh: { status: 'completed' } }],
        [40, { resumed: { status: 'completed' } }],
      ],
    );
    const report = await syncPlan({ repo, pr: 'pr-1' });
    // `fresh` never recorded a run: as in the kit, its newest results decide.
    expect(report.changes.map((c) => `${c.task_id}: ${c.from} -> ${c.to}`)).toEqual(['resumed: blocked -> agent_done', 'fresh: pending -> agent_done']);
    const tasks = byId(await plan());
    expect([tasks.reopened!.status, tasks.blocked!.status, tasks.fresh!.status]).toEqual(['pending', 'blocked', 'agent_done']);
  });

  it("ignores results of an earlier run folder for a kit task that only recorded its run_dir", async () => {
    const { repo, runsRoot, plan } = await setup([], [[10, { k: { status: 'completed' } }], [20, {}]]);
    await writeFile(
      join(repo, '.plans/pr-1/plan.json'),
      JSON.stringify({ tasks: [{ task_id: 'k', status: 'delegated', run_dir: join(runsRoot, runName(20)) }] }),
    );
    const report = await syncPlan({ repo, pr: 'pr-1' });
    expect(report.changes).toMatchObject([{ task_id: 'k', to: 'blocked', reason: 'interrupted', source: 'interrupted' }]);
    expect(byId(await plan()).k).toMatchObject({ status: 'blocked', blocked_reason: 'interrupted' });
  });

  it('blocks an in_progress task whose agent is gone and that has no results (interrupted)', async () => {
    const agent = await deadPid();
    const { repo, runsRoot, plan } = await setup([], [[10, {}, { pids: { run_id: runId(10), updated_at: 'x', agents: { t: { pid: agent, pgid: agent } } } }]]);
    const runDir = join(runsRoot, runName(10));
    await writeFile(
      join(repo, '.plans/pr-1/plan.json'),
      JSON.stringify({ tasks: [{ id: 't', status: 'in_progress', run_dir: runDir, last_run_id: runId(10) }] }),
    );
    const report = await syncPlan({ repo, pr: 'pr-1' });
    expect(report.changes).toEqual([
      { task_id: 't', from: 'in_progress', to: 'blocked', reason: 'interrupted', source: 'interrupted', run_id: runId(10), run_dir: runDir, results_path: null, results_status: null },
    ]);
    expect(byId(await plan()).t).toMatchObject({ status: 'blocked', blocked_reason: 'interrupted' });
  });

  it('leaves alone the tasks it is told to (a job a worker still runs), even with results and no agent here', async () => {
    const { repo, plan } = await setup(
      [{ id: 'w', status: 'in_progress', last_run_id: runId(1), worker: 'w1' }, { id: 'x', status: 'in_progress', last_run_id: runId(1) }],
      [[1, { w: { status: 'completed' } }]],
    );
    const report = await syncPlan({ repo, pr: 'pr-1', leaveAlone: ['w'] });
    expect(report.changes.map((change) => [change.task_id, change.to])).toEqual([['x', 'blocked']]);
    expect(byId(await plan()).w).toMatchObject({ status: 'in_progress', worker: 'w1' });
  });

  it("leaves alone a task whose agent is alive (planwright's and the kit's agent_pids.json) or whose orchestrator is", async () => {
    const live = spawnGroup('exec sleep 300');
    const kitLive = spawnGroup('exec sleep 300');
    const kitDead = await deadPid();
    const { repo, runsRoot, plan } = await setup(
      [],
      [
        [10, {}, { pids: { run_id: runId(10), updated_at: 'x', agents: { live: { pid: live.pid, pgid: live.pid, started_at: timestamp() } } } }],
        [11, {}, { pids: { kitlive: kitLive.pid, kitdead: kitDead } }],
      ],
    );
    const ownRun = `${runStamp()}-${process.pid}-ffff`;
    const tasks = [
      { id: 'live', status: 'in_progress', run_dir: join(runsRoot, runName(10)), last_run_id: runId(10) },
      { id: 'kitlive', status: 'in_progress', run_dir: join(runsRoot, runName(11)) },
      { id: 'kitdead', status: 'in_progress', run_dir: join(runsRoot, runName(11)) },
      { id: 'orchestrated', status: 'in_progress', last_run_id: ownRun },
    ];
    await writeFile(join(repo, '.plans/pr-1/plan.json'), JSON.stringify({ tasks }));
    const report = await syncPlan({ repo, pr: 'pr-1' });
    expect(report.changes.map((c) => [c.task_id, c.reason])).toEqual([['kitdead', 'interrupted']]);
    expect(report.left_alone).toEqual([
      { task_id: 'live', who: 'agent', pid: live.pid },
      { task_id: 'kitlive', who: 'agent', pid: kitLive.pid },
      { task_id: 'orchestrated', who: 'orchestrator', pid: process.pid },
    ]);
    expect(Object.values(byId(await plan())).map((task) => task.status)).toEqual(['in_progress', 'in_progress', 'blocked', 'in_progress']);
  });

  it('finds results in a run_dir outside the runs root, and honours --run-root', async () => {
    const { repo, plan } = await setup([{ id: 'a', status: 'in_progress', last_run_id: runId(10) }], []);
    const runRoot = await tempDir();
    await writeRun(join(runRoot, 'pr-1'), runName(10), { results: { a: { task_id: 'a', run_id: runId(10), status: 'completed' } } });
    expect((await syncPlan({ repo, pr: 'pr-1', dryRun: true })).changes.map((c) => c.to)).toEqual(['blocked']);
    const report = await syncPlan({ repo, pr: 'pr-1', runRoot });
    expect(report).toMatchObject({ runs_root: join(runRoot, 'pr-1'), runs_scanned: 1 });
    expect(byId(await plan()).a!.status).toBe('agent_done');
  });

  it('changes nothing on disk in a dry run', async () => {
    const { repo, planFile } = await setup([{ id: 'a', status: 'in_progress', last_run_id: runId(10) }], [[10, { a: { status: 'completed' } }]]);
    const before = await readFile(planFile, 'utf8');
    const report = await syncPlan({ repo, pr: 'pr-1', dryRun: true });
    expect(report).toMatchObject({ dry_run: true, written: false, last_sync_at: null });
    expect(report.changes.map((c) => c.to)).toEqual(['agent_done']);
    expect(await readFile(planFile, 'utf8')).toBe(before);
  });
});
