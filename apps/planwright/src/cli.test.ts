import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { captureIo } from '@planwright/cli-kit';
import { tempDir, tempPlanRepo } from '@planwright/test-utils';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { main } from './cli.js';
import * as planwright from './index.js';

const examplePlan = fileURLToPath(new URL('../../../docs/examples/plan.json', import.meta.url));
const legacyPlan = fileURLToPath(new URL('../../../docs/examples/legacy-plan.json', import.meta.url));

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('planwright CLI', () => {
  it('--help lists the mounted commands with an example', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of [
      'init', 'proposal <change>', 'validate [change]', 'plan <change>', 'validate-plan', 'research', 'review', 'run [goal..]',
      'status', 'board', 'next', 'verify', 'mark-verified', 'sync', 'doctor', 'stop', 'archive <change>', 'list', 'show <name>',
      'conflicts [change]', 'sync-tasks <change>', 'check', 'demo', 'json-schema', 'git <command>',
    ]) {
      expect(stdout).toContain(`planwright ${command}`);
    }
    expect(stdout).toContain('Example: planwright status --pr pr-42');
  });

  it.each([
    'init', 'proposal', 'validate', 'plan', 'research', 'review', 'run', 'status', 'board', 'next', 'verify', 'mark-verified', 'sync', 'doctor',
    'stop', 'archive', 'check', 'demo',
  ])('%s --help has an example and --json', async (command) => {
    const { code, stdout } = await run([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Examples?:\n\s+planwright /);
    expect(stdout).toContain('--json');
  });

  it('validates and shows the example plan of the docs', async () => {
    expect((await run(['validate-plan', '--plan', examplePlan])).stdout).toMatch(/^ok: .*5 tasks: 2 pending, 1 agent_done, 1 done, 1 blocked; 4 waves/);
    const status = await run(['status', '--plan', examplePlan]);
    expect(status.stdout).toContain('blocked task_005: needs the alerting team');
    expect((await run(['next', '--plan', examplePlan])).stdout).toBe('task_003  [docs] Document the endpoint in the operations guide\n');
  });

  it("reads the Python kit's legacy plan", async () => {
    const next = JSON.parse((await run(['next', '--plan', legacyPlan, '--json'])).stdout);
    expect(next.runnable).toEqual([]);
    const status = JSON.parse((await run(['status', '--plan', legacyPlan, '--json'])).stdout);
    expect(status.counts).toMatchObject({ in_progress: 1, pending: 1 });
  });

  it('mark-verified with the kit flags writes the plan and MASTER.md', async () => {
    const { repo, planFile, planDir } = await tempPlanRepo({ pr: 'pr-5', plan: { tasks: [{ id: 't1', status: 'agent_done' }] } });
    const result = await run(['mark-verified', '--repo', repo, '--pr', 'pr-5', '--task', 't1', '--note', 'looks right', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ task_id: 't1', status: 'done' });
    expect(JSON.parse(await readFile(planFile, 'utf8')).tasks[0].verified_note).toBe('looks right');
    expect(existsSync(`${planDir}/MASTER.md`)).toBe(true);
  });

  it('mounts git-ops under git', async () => {
    const dir = await tempDir();
    const { code } = await run(['git', 'ensure', '--repo', dir]);
    expect(code).toBe(0);
    expect(existsSync(`${dir}/.git`)).toBe(true);
  });

  it('an unknown flag is a one-line usage error, exit 2', async () => {
    expect(await run(['status', '--plan', examplePlan, '--colour'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'planwright: unknown option: --colour (see planwright --help)\n',
    });
  });
});

describe('the spec-first workflow through planwright', () => {
  it('init, proposal, validate, plan, status, sync', async () => {
    const repo = await tempDir();
    expect((await run(['init', '--repo', repo])).code).toBe(0);
    expect((await run(['proposal', 'add-health', '--repo', repo])).code).toBe(0);
    expect((await run(['validate', 'add-health', '--repo', repo])).code).toBe(0);
    expect((await run(['plan', 'add-health', '--pr', 'pr-1', '--repo', repo])).code).toBe(0);
    const status = JSON.parse((await run(['status', '--repo', repo, '--pr', 'pr-1', '--json'])).stdout);
    expect(status.total).toBeGreaterThan(0);
    expect((await run(['sync', '--repo', repo, '--pr', 'pr-1'])).stdout).toBe('plan in sync\n');
  });
});

describe('planwright library', () => {
  it('re-exports each package under a namespace', () => {
    expect(typeof planwright.planSchema.loadPlan).toBe('function');
    expect(typeof planwright.gitOps).toBe('object');
    expect(typeof planwright.cliKit.runBin).toBe('function');
    expect(typeof planwright.agentRunner.orchestrate).toBe('function');
    expect(typeof planwright.runStore.syncPlan).toBe('function');
    expect(typeof planwright.specflow.planFromChange).toBe('function');
    expect(typeof planwright.geminiReview.reviewPlan).toBe('function');
  });
});

describe('the built planwright bin', () => {
  const bin = fileURLToPath(new URL('../dist/bin/planwright.js', import.meta.url));

  it('prints the prerendered help, identical to what yargs renders now', async () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run "pnpm build" before these tests`);
    const spawned = await execa('node', [bin, '--help']);
    expect(`${spawned.stdout}\n`).toBe((await run(['--help'])).stdout);
  });

  it('asks nothing when stdin is not a terminal: init and status finish with stdin open and empty', async () => {
    const dir = await tempDir('planwright-no-prompt-');
    await execa('git', ['init', '-q'], { cwd: dir });
    // stdin is a pipe nobody writes to or closes: a prompt would wait until the timeout kills it.
    const init = await execa('node', [bin, 'init', '--json'], { cwd: dir, stdin: 'pipe', timeout: 30_000 });
    expect(JSON.parse(init.stdout)).toBeTruthy();
    expect(existsSync(`${dir}/.plans/PLANNER.md`)).toBe(true);
    const status = await execa('node', [bin, 'status', '--plan', examplePlan], { stdin: 'pipe', timeout: 30_000 });
    expect(status.stdout).toContain('runnable: task_003');
  });

  it('runs a command end to end', async () => {
    const spawned = await execa('node', [bin, 'status', '--plan', examplePlan, '--json']);
    expect(JSON.parse(spawned.stdout).total).toBe(5);
  });
});
