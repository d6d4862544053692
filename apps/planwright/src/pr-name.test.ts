import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { main } from './cli.js';

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

async function repoWithChange(): Promise<string> {
  const repo = await tempDir('planwright-pr-name-');
  expect((await run(['init', '--repo', repo])).code).toBe(0);
  expect((await run(['proposal', 'add-x', '--repo', repo])).code).toBe(0);
  return repo;
}

// Issue 18: `plan --pr PR_42` wrote .plans/pr-42/ (specflow slugs) while status and validate-plan looked
// for .plans/PR_42/ and exited 2. Every --pr now goes through plan-schema's one PR-name rule.
describe('one PR-name rule across the commands', () => {
  it('plan --pr PR_42 writes .plans/pr-42/, and every command finds it under PR_42', async () => {
    const repo = await repoWithChange();
    expect((await run(['plan', 'add-x', '--pr', 'PR_42', '--repo', repo])).code).toBe(0);
    expect(existsSync(join(repo, '.plans', 'pr-42', 'plan.json'))).toBe(true);
    const status = await run(['status', '--repo', repo, '--pr', 'PR_42', '--json']);
    expect(status).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(status.stdout)).toMatchObject({ plan: expect.stringContaining(join('.plans', 'pr-42', 'plan.json')) });
    const validated = await run(['validate-plan', '--repo', repo, '--pr', 'PR_42']);
    expect(validated).toMatchObject({ code: 0, stderr: '' });
    expect(validated.stdout).toMatch(/^ok: .*pr-42/);
    expect(await run(['next', '--repo', repo, '--pr', 'PR_42'])).toMatchObject({ code: 0, stderr: '' });
    expect(await run(['sync', '--repo', repo, '--pr', 'PR_42'])).toMatchObject({ code: 0, stdout: 'plan in sync\n' });
    // verify reads the plan before it looks for the task: an unknown task proves the plan was found.
    const verify = await run(['verify', '--repo', repo, '--pr', 'PR_42', '--task', 'task_999']);
    expect(verify.stderr).toContain(`${join('.plans', 'pr-42', 'plan.json')}: --task "task_999": no such task`);
    // run and doctor too: a task id that is not in the plan is refused naming the plan it read.
    const runs = await run(['run', '--repo', repo, '--pr', 'PR_42', '--task-id', 'task_999']);
    expect(runs.code).toBe(2);
    expect(runs.stderr).toContain(join('.plans', 'pr-42'));
    expect(existsSync(join(repo, '.plans', 'PR_42'))).toBe(false);
  });

  it('finds a plan folder named exactly as typed first, so a plan made before the rule is not lost', async () => {
    const repo = await repoWithChange();
    expect((await run(['plan', 'add-x', '--pr', 'pr-42', '--repo', repo])).code).toBe(0);
    // A plan written under the name as typed, as plan-schema's commands used to read it.
    await mkdir(join(repo, '.plans', 'PR_42'));
    await rename(join(repo, '.plans', 'pr-42', 'plan.json'), join(repo, '.plans', 'PR_42', 'plan.json'));
    const status = await run(['status', '--repo', repo, '--pr', 'PR_42', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).plan).toContain(join('.plans', 'PR_42', 'plan.json'));
    expect((await run(['validate-plan', '--repo', repo, '--pr', 'PR_42'])).code).toBe(0);
  });

  it('a --pr that slugs to nothing: exit 2, one line naming --pr, nothing written', async () => {
    const repo = await repoWithChange();
    for (const argv of [['plan', 'add-x'], ['status'], ['validate-plan']]) {
      const result = await run([...argv, '--repo', repo, '--pr', '!!!']);
      expect(result.code, argv[0]).toBe(2);
      expect(result.stderr).toBe('planwright: --pr "!!!": the slug is empty (only a-z and 0-9 are kept) (use a name with letters or digits, such as add-login)\n');
    }
    expect(existsSync(join(repo, '.plans', 'pr-42'))).toBe(false);
  });
});
