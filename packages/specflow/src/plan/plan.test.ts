import { loadPlan } from '@planwright/plan-schema';
import { writeFiles } from '@planwright/test-utils';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectGolden, fixtureRepo, run, snapshotTree, stablePlan } from '../../test/fixture-repo.js';

const read = (repo: string, path: string) => readFile(`${repo}/${path}`, 'utf8');

describe('specflow plan', () => {
  it('turns an OpenSpec tasks.md into plan.json, CONTEXT.md and a MASTER.md entry', async () => {
    const repo = await fixtureRepo('basic');
    const { code, stdout, stderr } = await run(['--repo', repo, 'plan', 'add-2fa', '--pr', 'pr-42'], repo);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      [
        'wrote .plans/pr-42/plan.json: 4 tasks, domains database, api',
        'wrote .plans/pr-42/CONTEXT.md',
        'logged .plans/pr-42/MASTER.md',
        'verify to fill: task_003, task_004 (the placeholder fails until replaced)',
        'next: delegate task_002 and verify',
        '',
      ].join('\n'),
    );
    await expectGolden(stablePlan(await read(repo, '.plans/pr-42/plan.json')), 'basic', 'plan.json');
    await expectGolden(await read(repo, '.plans/pr-42/CONTEXT.md'), 'basic', 'CONTEXT.md');
    const master = await read(repo, '.plans/pr-42/MASTER.md');
    expect(master.replace(/^## \S+ — /m, '## <time> — ')).toBe(
      [
        '# pr-42 — Planner Log',
        '',
        '## <time> — plan from OpenSpec change add-2fa',
        '',
        '- Initialized plan from OpenSpec change: `openspec/changes/add-2fa/`',
        '- Plan file: `.plans/pr-42/plan.json` (4 tasks)',
        '- Verify to fill: task_003, task_004',
        '- Next: delegate `task_002` and verify.',
        '',
      ].join('\n'),
    );
    // What the orchestrator will read: plan-schema accepts it as it is.
    const plan = await loadPlan(`${repo}/.plans/pr-42/plan.json`);
    expect(plan.tasks.map((task) => [task.id, task.status, task.domain, task.depends_on])).toEqual([
      ['task_001', 'done', 'database', []],
      ['task_002', 'pending', 'database', ['task_001']],
      ['task_003', 'pending', 'api', ['task_002']],
      ['task_004', 'pending', 'api', []],
    ]);
  });

  it('reads spec-kit tasks: T ids, [P] and [US] markers, the phase as domain, the task before as dependency', async () => {
    const repo = await fixtureRepo('spec-kit');
    const { code, stdout } = await run(['--repo', repo, 'plan', 'checkout', '--json'], repo);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      change: 'checkout',
      pr: 'checkout',
      planFile: '.plans/checkout/plan.json',
      contextFile: '.plans/checkout/CONTEXT.md',
      context: 'created',
      masterFile: '.plans/checkout/MASTER.md',
      verify: { commands: ['pnpm build', 'pnpm test', 'pnpm typecheck'], source: 'project.md', from: 'openspec/project.md' },
      placeholders: [],
      warnings: [],
      tasks: 6,
    });
    await expectGolden(stablePlan(await read(repo, '.plans/checkout/plan.json')), 'spec-kit', 'plan.json');
    await expectGolden(await read(repo, '.plans/checkout/CONTEXT.md'), 'spec-kit', 'CONTEXT.md');
    const plan = await loadPlan(`${repo}/.plans/checkout/plan.json`);
    // A task without [P] waits for the one before it in its phase; [P] tasks and the first of a phase do
    // not; (depends on ...) adds more. Every task of a phase has the phase as its domain.
    expect(plan.tasks.map((task) => [task.id, task.domain, task.depends_on])).toEqual([
      ['task_001', 'setup', []],
      ['task_002', 'setup', []],
      ['task_003', 'setup', ['task_002']],
      ['task_004', 'user-story-1-pay-by-card', ['task_001']],
      ['task_005', 'user-story-1-pay-by-card', []],
      ['task_006', 'user-story-1-pay-by-card', ['task_004', 'task_005']],
    ]);
  });

  it('plans the kit template: four tasks with placeholder verify that fails, and validate-plan accepts it', async () => {
    const repo = await fixtureRepo('basic');
    await run(['proposal', 'x', '--repo', repo]);
    expect((await run(['plan', 'x', '--pr', 'my-pr', '--repo', repo])).code).toBe(0);
    const plan = await loadPlan(`${repo}/.plans/my-pr/plan.json`);
    expect(plan.goal).toBe('Change Proposal: x');
    expect(plan.openspec).toEqual({
      change: 'x',
      proposal: 'openspec/changes/x/proposal.md',
      tasks: 'openspec/changes/x/tasks.md',
      spec_deltas_dir: 'openspec/changes/x/specs',
    });
    expect(plan.tasks.map((task) => [task.id, task.title, task.status, task.verify])).toEqual([
      ['task_001', '1.1 First small step', 'pending', ["echo 'TODO: set verify for task_001' && exit 1"]],
      ['task_002', '1.2 Second small step', 'pending', ["echo 'TODO: set verify for task_002' && exit 1"]],
      ['task_003', '2.1 Add/adjust tests (if applicable)', 'pending', ["echo 'TODO: set verify for task_003' && exit 1"]],
      ['task_004', '2.2 Run build/tests and fix issues', 'pending', ["echo 'TODO: set verify for task_004' && exit 1"]],
    ]);
    expect(await read(repo, '.plans/my-pr/CONTEXT.md')).toContain(
      '- verify must be filled for task_001, task_002, task_003, task_004: plan.json holds a placeholder that fails on purpose;',
    );
    expect(await run(['validate-plan', '--pr', 'my-pr', '--repo', repo], repo)).toEqual({
      code: 0,
      stdout: 'ok: .plans/my-pr/plan.json: 4 tasks: 4 pending; 1 wave\n'.replace('.plans', `<repo>/.plans`),
      stderr: '',
    });
  });

  it('applies verify overrides: default_verify, then by_task_id, then by_title (the kit test)', async () => {
    const repo = await fixtureRepo('basic');
    await run(['proposal', 'x', '--repo', repo]);
    await writeFiles(repo, {
      'verify_overrides.json': JSON.stringify({
        default_verify: ['echo default'],
        by_task_id: { task_001: { verify: ['echo t1'] }, task_009: { verify: ['echo nine'] } },
        by_title: { '1.2 Second small step': { expected_files: ['src/b.ts'], depends_on: ['task_001'] } },
      }),
    });
    const { code, stderr } = await run(['plan', 'x', '--pr', 'p', '--repo', repo, '--verify-overrides', `${repo}/verify_overrides.json`], repo);
    expect(code).toBe(0);
    expect(stderr).toBe(
      'warning: by_task_id "task_009" matches no task\n' +
        'warning: by_title "1.2 Second small step": depends_on not applied (only verify, expected_files, done_criteria, title, description)\n',
    );
    const plan = JSON.parse(await read(repo, '.plans/p/plan.json'));
    expect(plan.tasks.map((task: { verify: string[] }) => task.verify)).toEqual([['echo t1'], ['echo default'], ['echo default'], ['echo default']]);
    expect(plan.tasks[1]).toMatchObject({ expected_files: ['src/b.ts'], depends_on: [] });
  });

  it('takes verify from package.json with the lock file\'s package manager; a task\'s Verify: line and by_task_id win', async () => {
    const repo = await fixtureRepo('basic');
    await writeFiles(repo, {
      'package.json': JSON.stringify({ scripts: { test: 'vitest run', typecheck: 'tsc --noEmit' } }),
      'pnpm-lock.yaml': 'lockfileVersion: 9.0\n',
      'o.json': JSON.stringify({ by_task_id: { task_004: { verify: ['pnpm test -- rate'] } } }),
    });
    const { code, stdout, stderr } = await run(['plan', 'add-2fa', '--pr', 'p', '--repo', repo, '--verify-overrides', `${repo}/o.json`], repo);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      [
        'wrote .plans/p/plan.json: 4 tasks, domains database, api',
        'wrote .plans/p/CONTEXT.md',
        'logged .plans/p/MASTER.md',
        'verify: pnpm typecheck (from package.json "typecheck" script, pnpm-lock.yaml; a task\'s own Verify: line wins)',
        'next: delegate task_002 and verify',
        '',
      ].join('\n'),
    );
    const plan = await loadPlan(`${repo}/.plans/p/plan.json`);
    expect(plan.tasks.map((task) => [task.id, task.verify])).toEqual([
      ['task_001', ['pnpm typecheck']],
      ['task_002', ['npm test -- otp-store']],
      ['task_003', ['pnpm typecheck']],
      ['task_004', ['pnpm test -- rate']],
    ]);
    const context = await read(repo, '.plans/p/CONTEXT.md');
    expect(context).toContain('## Verification commands (fill in)\n- `pnpm typecheck` (from package.json "typecheck" script, pnpm-lock.yaml)\n');
    expect(context).not.toContain('verify must be filled');
  });

  it('refuses to overwrite a plan without --force (the kit message), and replaces it with --force', async () => {
    const repo = await fixtureRepo('basic');
    await run(['plan', 'add-2fa', '--pr', 'p', '--repo', repo]);
    const before = await snapshotTree(repo);
    expect(await run(['plan', 'add-2fa', '--pr', 'p', '--repo', repo], repo)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'specflow: Refusing to overwrite existing plan: .plans/p/plan.json (use --force to replace it)\n',
    });
    expect(await snapshotTree(repo)).toEqual(before);
    const forced = await run(['plan', 'add-2fa', '--pr', 'p', '--repo', repo, '--force'], repo);
    expect(forced.code).toBe(0);
    expect((await read(repo, '.plans/p/MASTER.md')).match(/^## /gm)).toHaveLength(2);
  });

  it('keeps an existing CONTEXT.md: only --force rewrites it', async () => {
    const repo = await fixtureRepo('basic');
    await writeFiles(repo, { '.plans/p/CONTEXT.md': '# mine\n' });
    const { stdout } = await run(['plan', 'add-2fa', '--pr', 'p', '--repo', repo], repo);
    expect(stdout).toContain('kept .plans/p/CONTEXT.md (exists; --force rewrites it)\n');
    expect(await read(repo, '.plans/p/CONTEXT.md')).toBe('# mine\n');
  });

  it('names the PR folder with the slug rule', async () => {
    const repo = await fixtureRepo('basic');
    const { stdout } = await run(['plan', 'Add 2FA', '--pr', 'My PR #42', '--repo', repo], repo);
    expect(stdout).toMatch(/^wrote \.plans\/my-pr-42\/plan\.json: /);
    expect((await run(['validate-plan', '--pr', 'My PR #42', '--repo', repo])).code).toBe(0);
  });
});
