import { readFile, symlink, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPlan } from '@planwright/plan-schema';
import { prStatus } from '@planwright/run-store';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { call, callError, fakeTask, memoryClient, planRepo } from '../../test/mcp-fixture.js';

describe('status, add_tasks, update_task, mark_verified', () => {
  it('status answers with the document of `planwright status --json`', async () => {
    const fixture = await planRepo([fakeTask('task_001'), fakeTask('task_002', { depends_on: ['task_001'] })]);
    const client = await memoryClient(fixture.repo);
    const status = await call(client, 'status', { pr: 'pr-1' });
    // The function whose document `planwright status --json` prints, called as the CLI calls it in the repository.
    expect(status).toEqual(await prStatus({ repo: fixture.repo, pr: 'pr-1', cwd: fixture.repo }));
    expect(status).toMatchObject({ plan: '.plans/pr-1/plan.json', total: 2, runnable: ['task_001'], latest_run: null });
  });

  it("status carries the spend against each task's budget, as `planwright status` shows it", async () => {
    const fixture = await planRepo([fakeTask('task_001', { budget: { tokens: 2000 }, usage: { input_tokens: 1200, output_tokens: 300 }, duration_ms: 60_000 }), fakeTask('task_002')]);
    const client = await memoryClient(fixture.repo);
    expect((await call(client, 'status', { pr: 'pr-1' })).budget).toEqual({
      run: null,
      tasks: [{ id: 'task_001', budget: { tokens: 2000 }, spent: { tokens: 1500, usd: null, minutes: 1 } }],
    });
  });

  it('add_tasks appends pending tasks (creating the plan with a goal); update_task changes fields and keeps unknown keys', async () => {
    const repo = await tempDir('planwright-mcp-');
    const client = await memoryClient(repo);
    expect(await call(client, 'add_tasks', {
      pr: 'pr-7',
      goal: 'Add a CLI',
      tasks: [{ id: 'task_001', title: 'Parser', verify: ['true'], my_note: 'kept' }, { id: 'task_002', title: 'Output', depends_on: ['task_001'] }],
    })).toEqual({ plan: '.plans/pr-7/plan.json', created: true, added: ['task_001', 'task_002'], tasks: 2 });
    const updated = await call(client, 'update_task', { pr: 'pr-7', task: 'task_001', title: 'Argument parser', domain: 'cli' });
    expect(updated).toMatchObject({ task_id: 'task_001', changed: ['title', 'domain'], written: true });
    const plan = await loadPlan(join(repo, '.plans/pr-7/plan.json'));
    expect(plan.goal).toBe('Add a CLI');
    expect(plan.tasks[0]).toMatchObject({ id: 'task_001', title: 'Argument parser', domain: 'cli', status: 'pending', my_note: 'kept', verify: ['true'] });
    expect(await call(client, 'update_task', { pr: 'pr-7', task: 'task_001', domain: null })).toMatchObject({ changed: ['domain'] });
    expect((await loadPlan(join(repo, '.plans/pr-7/plan.json'))).tasks[0]).not.toHaveProperty('domain');
  });

  it('mark_verified records the verdict and a MASTER.md entry, as the CLI does', async () => {
    const fixture = await planRepo([fakeTask('task_001', { status: 'agent_done' })]);
    const client = await memoryClient(fixture.repo);
    expect(await call(client, 'mark_verified', { pr: 'pr-1', task: 'task_001', note: 'tests pass' })).toMatchObject({ task_id: 'task_001', previous_status: 'agent_done', status: 'done' });
    expect((await loadPlan(fixture.planFile)).tasks[0]).toMatchObject({ status: 'done', verified_by: 'manual', verified_note: 'tests pass' });
    expect(await readFile(join(fixture.planDir, 'MASTER.md'), 'utf8')).toContain('mark-verified task_001');
  });

  it.each([
    ['update_task', { pr: 'pr-1', task: 'task_001', depends_on: ['task_404'] }, /depends_on.*task_404/],
    ['update_task', { pr: 'pr-1', task: 'task_009', title: 'x' }, /planwright: \.plans\/pr-1\/plan\.json: --task "task_009": no such task \(tasks: task_001, task_002\)/],
    ['update_task', { pr: 'pr-1', task: 'task_001', depends_on: ['task_002'], title: 'cycle' }, /cycle/],
    ['add_tasks', { pr: 'pr-1', tasks: [{ id: 'task_002', title: 'again' }] }, /id "task_002" already exists/],
    ['add_tasks', { pr: 'pr-1', tasks: [{ id: '../x', title: 'escape' }] }, /Input validation error.*task id/],
    ['mark_verified', { pr: 'pr-1', task: 'task_404' }, /no such task/],
    // The one PR-name rule slugs it (as the kit did): `../../etc` is .plans/etc/, inside the repo.
    ['status', { pr: '../../etc' }, /planwright: \.plans\/etc\/plan\.json: no such plan file/],
    ['status', { pr: 'pr-2' }, /pr-2\/plan\.json/],
  ])('%s with a bad argument is a tool error of one line, and plan.json is unchanged', async (tool, args, message) => {
    const fixture = await planRepo([fakeTask('task_001'), fakeTask('task_002', { depends_on: ['task_001'] })]);
    const before = await readFile(fixture.planFile, 'utf8');
    const client = await memoryClient(fixture.repo);
    const line = await callError(client, tool, args);
    expect(line).toMatch(message);
    expect(line).not.toContain('\n    at ');
    expect(await readFile(fixture.planFile, 'utf8')).toBe(before);
    // The server is still there.
    expect(await call(client, 'status', { pr: 'pr-1' })).toMatchObject({ total: 2 });
  });

  it('refuses a PR folder that leads outside the repository through a symlink', async () => {
    const fixture = await planRepo([fakeTask('task_001')]);
    const outside = await planRepo([fakeTask('task_001')]);
    await symlink(outside.planDir, join(fixture.repo, '.plans', 'pr-out'));
    const client = await memoryClient(fixture.repo);
    expect(await callError(client, 'status', { pr: 'pr-out' })).toMatch(/pr "pr-out": .* is outside the repository/);
    await mkdir(join(fixture.repo, '.plans', 'pr-new'));
    expect(await callError(client, 'mark_verified', { pr: 'pr-out', task: 'task_001' })).toMatch(/outside the repository/);
    expect((await loadPlan(outside.planFile)).tasks[0]!.status).toBe('pending');
  });
});
