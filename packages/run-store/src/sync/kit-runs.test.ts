import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import { tempDir, tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { writeRun } from '../../test/helpers.js';
import { main } from '../cli.js';

// The kit's run folders: any name (here `r1`, `r2`), a meta.json with only these two keys, and results
// that carry the folder's invocation id.
const kitMeta = (runId: string) => ({ created_at: '2026-11-24T10:00:00Z', invocation_run_id: runId });

async function kitPr(tasks: object[]) {
  const repo = await tempPlanRepo({ plan: { goal: 'g', tasks } });
  const runRoot = await tempDir();
  const plan = async () => {
    const data = JSON.parse(await readFile(repo.planFile, 'utf8')) as { tasks: Record<string, unknown>[] };
    return Object.fromEntries(data.tasks.map((task) => [task.id, task]));
  };
  return { ...repo, runRoot, runsRoot: join(runRoot, 'pr-1'), plan };
}

async function sync(repo: string, runRoot: string) {
  const io = captureIo();
  const code = await main(['sync-plan', '--repo', repo, '--pr', 'pr-1', '--run-root', runRoot], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('sync-plan on run folders the kit wrote', () => {
  it('marks a pending task agent_done from the results of <run-root>/<PR>/r1/, as the kit does', async () => {
    const { repo, runRoot, runsRoot, plan } = await kitPr([{ id: 'task_001', title: 't', status: 'pending' }]);
    await writeRun(runsRoot, 'r1', {
      meta: kitMeta('20261124-100000-4242'),
      results: { task_001: { task_id: 'task_001', run_id: '20261124-100000-4242', status: 'completed', summary: 'ok' } },
    });
    const { code, stdout, stderr } = await sync(repo, runRoot);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('task_001: pending -> agent_done (run 20261124-100000-4242)');
    expect((await plan()).task_001).toMatchObject({ status: 'agent_done', last_run_id: '20261124-100000-4242', run_dir: join(runsRoot, 'r1') });
  });

  it('blocks on partial, failed and blocked results; the newest run folder wins', async () => {
    const ids = ['p', 'f', 'b', 'later'];
    const { repo, runRoot, runsRoot, plan } = await kitPr(ids.map((id) => ({ id, status: 'pending' })));
    const result = (task: string, runId: string, status: string) => ({ task_id: task, run_id: runId, status });
    await writeRun(runsRoot, 'r1', {
      meta: kitMeta('kit-run-1'),
      results: { p: result('p', 'kit-run-1', 'partial'), f: result('f', 'kit-run-1', 'failed'), b: result('b', 'kit-run-1', 'blocked'), later: result('later', 'kit-run-1', 'failed') },
    });
    await writeRun(runsRoot, 'r2', { meta: kitMeta('kit-run-2'), results: { later: result('later', 'kit-run-2', 'completed') } });
    expect((await sync(repo, runRoot)).code).toBe(0);
    const tasks = await plan();
    expect(Object.fromEntries(ids.map((id) => [id, [tasks[id]!.status, tasks[id]!.blocked_reason ?? null]]))).toEqual({
      p: ['blocked', 'agent_reported_partial'],
      f: ['blocked', 'agent_reported_failed'],
      b: ['blocked', 'agent_reported_blocked'],
      later: ['agent_done', null],
    });
  });

  it('still trusts no results whose run id the folder never had', async () => {
    const { repo, runRoot, runsRoot, plan } = await kitPr([{ id: 'a', status: 'pending' }, { id: 'b', status: 'pending' }]);
    await writeRun(runsRoot, 'r1', {
      meta: kitMeta('kit-run-1'),
      results: { a: { task_id: 'a', run_id: 'another-run', status: 'completed' }, b: { task_id: 'b', status: 'completed' } },
    });
    const { stdout } = await sync(repo, runRoot);
    // b's results name no run: as the kit's done-file runs, they belong to the run they are in.
    expect(stdout.trim().split('\n')).toEqual(['b: pending -> agent_done (run kit-run-1)']);
    expect((await plan()).a!.status).toBe('pending');
  });

  it('does not flip back a kit task the planner re-opened, but takes a later run', async () => {
    const { repo, runRoot, runsRoot, plan } = await kitPr([]);
    const r1 = await writeRun(runsRoot, 'r1', { meta: kitMeta('kit-run-1'), results: { a: { task_id: 'a', run_id: 'kit-run-1', status: 'completed' } } });
    await writeRun(runsRoot, 'r2', { meta: kitMeta('kit-run-2'), results: { b: { task_id: 'b', run_id: 'kit-run-2', status: 'completed' } } });
    const tasks = [
      { id: 'a', status: 'pending', run_dir: r1 },
      { id: 'b', status: 'pending', run_dir: r1 },
    ];
    await writeFile(join(repo, '.plans/pr-1/plan.json'), JSON.stringify({ tasks }));
    await sync(repo, runRoot);
    const after = await plan();
    expect([after.a!.status, after.b!.status]).toEqual(['pending', 'agent_done']);
  });
});
