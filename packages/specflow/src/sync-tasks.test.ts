import { markVerified, reopenTask, updatePlan } from '@planwright/plan-schema';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fixtureRepo, run, snapshotTree } from '../test/fixture-repo.js';

async function plannedRepo() {
  const repo = await fixtureRepo('basic');
  await run(['plan', 'add-2fa', '--pr', 'pr-1', '--repo', repo]);
  const tasksFile = `${repo}/openspec/changes/add-2fa/tasks.md`;
  return { repo, tasksFile, planFile: `${repo}/.plans/pr-1/plan.json`, original: await readFile(tasksFile, 'utf8') };
}

describe('specflow sync-tasks', () => {
  it('checks the boxes of done tasks, changing nothing else; in sync after that', async () => {
    const { repo, tasksFile, planFile, original } = await plannedRepo();
    await updatePlan(planFile, (plan) => void markVerified(plan.tasks[2]!, { by: 'manual' }));
    expect(await run(['sync-tasks', 'add-2fa', '--pr', 'pr-1', '--repo', repo])).toEqual({
      code: 0,
      stdout: 'openspec/changes/add-2fa/tasks.md: checked task_003 (from .plans/pr-1/plan.json)\n',
      stderr: '',
    });
    expect(await readFile(tasksFile, 'utf8')).toBe(original.replace('- [ ] 2.1 Challenge', '- [x] 2.1 Challenge'));
    expect(await run(['sync-tasks', 'add-2fa', '--pr', 'pr-1', '--repo', repo, '--check'])).toEqual({
      code: 0,
      stdout: 'openspec/changes/add-2fa/tasks.md: in sync with .plans/pr-1/plan.json\n',
      stderr: '',
    });
  });

  it('reports a box checked for a task the plan has not done, keeps it checked, and exits 1', async () => {
    const { repo, tasksFile, planFile, original } = await plannedRepo();
    await updatePlan(planFile, (plan) => {
      markVerified(plan.tasks[1]!, { by: 'auto' });
      reopenTask(plan.tasks[0]!);
    });
    const { code, stdout } = await run(['sync-tasks', 'add-2fa', '--pr', 'pr-1', '--repo', repo]);
    expect({ code, stdout }).toEqual({
      code: 1,
      stdout: [
        'drift: task_001 is checked at openspec/changes/add-2fa/tasks.md:4 but pending in .plans/pr-1/plan.json',
        'openspec/changes/add-2fa/tasks.md: checked task_002 (from .plans/pr-1/plan.json)',
        'openspec/changes/add-2fa/tasks.md: 1 drift left (from .plans/pr-1/plan.json): boxes checked for tasks not done are kept; verify those tasks or uncheck them',
        '',
      ].join('\n'),
    });
    expect(await readFile(tasksFile, 'utf8')).toBe(original.replace('- [ ] 1.2 Store', '- [x] 1.2 Store'));
  });

  it('--check writes nothing and exits 1 on drift either way; --json gives the drift list', async () => {
    const { repo, planFile } = await plannedRepo();
    await updatePlan(planFile, (plan) => {
      markVerified(plan.tasks[3]!, { by: 'manual' });
      reopenTask(plan.tasks[0]!);
    });
    const before = await snapshotTree(repo);
    expect(await run(['sync-tasks', 'add-2fa', '--pr', 'pr-1', '--repo', repo, '--check'])).toEqual({
      code: 1,
      stdout: [
        'drift: task_001 is checked at openspec/changes/add-2fa/tasks.md:4 but pending in .plans/pr-1/plan.json',
        'drift: task_004 is done in .plans/pr-1/plan.json but unchecked at openspec/changes/add-2fa/tasks.md:12',
        'openspec/changes/add-2fa/tasks.md: 2 drifts from .plans/pr-1/plan.json (--check: nothing written)',
        '',
      ].join('\n'),
      stderr: '',
    });
    const { code, stdout } = await run(['sync-tasks', 'add-2fa', '--pr', 'pr-1', '--repo', repo, '--check', '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      change: 'add-2fa',
      pr: 'pr-1',
      tasksFile: 'openspec/changes/add-2fa/tasks.md',
      planFile: '.plans/pr-1/plan.json',
      check: true,
      checked: [],
      drift: [
        {
          kind: 'checked-not-done',
          id: 'task_001',
          line: 4,
          status: 'pending',
          message: 'task_001 is checked at openspec/changes/add-2fa/tasks.md:4 but pending in .plans/pr-1/plan.json',
          fixed: false,
        },
        {
          kind: 'done-unchecked',
          id: 'task_004',
          line: 12,
          status: 'done',
          message: 'task_004 is done in .plans/pr-1/plan.json but unchecked at openspec/changes/add-2fa/tasks.md:12',
          fixed: false,
        },
      ],
      written: false,
      inSync: false,
    });
    expect(await snapshotTree(repo)).toEqual(before);
  });

  it('reports plan tasks it cannot match and tasks.md lines the plan lacks, and leaves their boxes alone', async () => {
    const { repo, planFile, tasksFile, original } = await plannedRepo();
    await updatePlan(planFile, (plan) => {
      plan.tasks[3]!.title = 'Renamed by the planner';
      plan.tasks[3]!.description = 'Rewritten too';
      markVerified(plan.tasks[3]!, { by: 'manual' });
      plan.tasks.push({ id: 'extra', title: 'Added by hand', status: 'done' });
    });
    await writeFile(tasksFile, `${original}- [ ] 3.1 Added after planning\n`);
    const { code, stdout } = await run(['sync-tasks', 'add-2fa', '--pr', 'pr-1', '--repo', repo]);
    expect({ code, stdout }).toEqual({
      code: 1,
      stdout: [
        'drift: task_004: title differs from openspec/changes/add-2fa/tasks.md:12, so its box is left alone',
        'drift: extra: no line of that number in openspec/changes/add-2fa/tasks.md',
        'drift: openspec/changes/add-2fa/tasks.md:17 has no task in .plans/pr-1/plan.json (task_005): plan again with --force to add it',
        'openspec/changes/add-2fa/tasks.md: 3 drifts left (from .plans/pr-1/plan.json)',
        '',
      ].join('\n'),
    });
    expect(await readFile(tasksFile, 'utf8')).toBe(`${original}- [ ] 3.1 Added after planning\n`);
  });

  it('still finds a task the overrides retitled, by its line in the description', async () => {
    const { repo, planFile, tasksFile } = await plannedRepo();
    await updatePlan(planFile, (plan) => {
      plan.tasks[3]!.title = 'Rate limiting';
      markVerified(plan.tasks[3]!, { by: 'manual' });
    });
    expect((await run(['sync-tasks', 'add-2fa', '--pr', 'pr-1', '--repo', repo])).code).toBe(0);
    expect(await readFile(tasksFile, 'utf8')).toContain('- [x] 2.2 Rate-limit attempts\n');
  });

  it.each([
    ['an unknown change', ['sync-tasks', 'nope'], 'specflow: openspec/changes/nope: no such change folder (create it with "specflow proposal nope", or see "specflow list")\n'],
    ['a name that slugs to nothing', ['sync-tasks', '%%%'], 'specflow: change name "%%%": the slug is empty (only a-z and 0-9 are kept) (use a name with letters or digits, such as add-login)\n'],
    ['a PR without a plan', ['sync-tasks', 'add-2fa', '--pr', 'pr-2'], 'specflow: .plans/pr-2/plan.json: no such plan file (check --pr/--plan, or create the plan with "specflow plan")\n'],
  ])('exits 2 on %s and writes nothing', async (_name, argv, message) => {
    const { repo } = await plannedRepo();
    const before = await snapshotTree(repo);
    expect(await run([...argv, '--repo', repo], repo)).toEqual({ code: 2, stdout: '', stderr: message });
    expect(await snapshotTree(repo)).toEqual(before);
  });

  it('exits 2 when the plan was made from another change', async () => {
    const { repo } = await plannedRepo();
    await run(['proposal', 'other', '--repo', repo]);
    expect(await run(['sync-tasks', 'other', '--pr', 'pr-1', '--repo', repo])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'specflow: .plans/pr-1/plan.json: made from change "add-2fa", not "other" (name the matching --pr or change)\n',
    });
  });
});
