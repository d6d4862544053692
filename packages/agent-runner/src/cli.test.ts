import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import { tempDir } from '@planwright/test-utils';
import { execa } from 'execa';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { codexOrchestrateBin, fakeTask, orchestratorFixture, type Fixture } from '../test/fixture.js';
import { main as agentRunner } from './cli.js';
import { main as codexOrchestrate } from './codex-orchestrate-cli.js';

/** The CLIs read process.env, as a user's shell would give it; restored after the test. */
function useEnv(fixture: Fixture) {
  for (const [key, value] of Object.entries(fixture.env)) vi.stubEnv(key, value);
  onTestFinished(() => {
    vi.unstubAllEnvs();
  });
}

async function run(cli: typeof agentRunner, argv: string[]) {
  const io = captureIo();
  const code = await cli(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('codex-orchestrate', () => {
  it("runs the Python kit's README command unchanged", async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    useEnv(fixture);
    const runRoot = await tempDir();
    const { code, stdout } = await run(codexOrchestrate, [
      '--plan-dir', fixture.planDir, '--code-dir', fixture.repo,
      '--run-root', runRoot, '--no-reuse-run', '--compact-run', '--handshake', 'results-json',
      '--ensure-git', '--baseline-commit', '--git-branch', 'pr/pr-1',
      '--sandbox', 'danger-full-access', '--approval', 'never', '--max-tasks', '1',
    ]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^note: .*|^RUN_DIR=${runRoot}/pr-1/\\d{8}-\\d{6}-\\d+$`));
    expect(stdout).toMatch(new RegExp(`RUN_DIR=${runRoot}/pr-1/\\d{8}-\\d{6}-\\d+\\nPLAN_FILE=${fixture.planFile}\\n`));
    expect(stdout).toMatch(/Waiting for .*results\/task_001\.json \.\.\./);
    expect(stdout).toMatch(/task_001: agent_done \(completed\) in \d+s · thread fake-\w+ · [\d,]+ in \/ [\d,]+ out tokens\n$/);
    const [call] = await fixture.invocations();
    expect(call!.argv).toContain('--dangerously-bypass-approvals-and-sandbox');
    expect((await fixture.task('task_001')).status).toBe('agent_done');
  });

  it('takes the goal after -- for a PR without a plan yet', async () => {
    const fixture = await orchestratorFixture([]);
    useEnv(fixture);
    const planDir = join(fixture.repo, '.plans', 'pr-2');
    const { code } = await run(codexOrchestrate, ['--plan-dir', planDir, '--code-dir', fixture.repo, '--compact-run', '--', 'Add', 'a', 'health', 'endpoint']);
    expect(code).toBe(0);
    expect(JSON.parse(await readFile(join(planDir, 'plan.json'), 'utf8')).goal).toBe('Add a health endpoint');
  });

  it('--concurrency 2 without --max-tasks runs every runnable task (no limit), --max-tasks alone still 1', async () => {
    const fixture = await orchestratorFixture([
      { ...fakeTask('task_001'), domain: 'a' },
      { ...fakeTask('task_002'), domain: 'b' },
      { ...fakeTask('task_003'), domain: 'c' },
    ]);
    useEnv(fixture);
    const base = ['--plan-dir', fixture.planDir, '--code-dir', fixture.repo, '--compact-run', '--heartbeat-interval-seconds', '0'];
    expect((await run(codexOrchestrate, base)).code).toBe(0);
    expect((await fixture.invocations()).length).toBe(1); // the kit's default: one task
    expect((await run(codexOrchestrate, [...base, '--concurrency', '2'])).code).toBe(0);
    expect([(await fixture.task('task_002')).status, (await fixture.task('task_003')).status]).toEqual(['agent_done', 'agent_done']);
  });

  it("--json prints one document with the outcomes; codex-orchestrate exits 0 on a partial result as the kit did, run exits 1", async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'partial'), fakeTask('task_002', 'partial')]);
    useEnv(fixture);
    const { code, stdout } = await run(codexOrchestrate, ['--plan-dir', fixture.planDir, '--code-dir', fixture.repo, '--compact-run', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ exitCode: 0, outcomes: [{ taskId: 'task_001', status: 'blocked', resultStatus: 'partial' }] });
    const planwrightRun = await run(agentRunner, ['run', '--plan-dir', fixture.planDir, '--repo', fixture.repo, '--compact-run', '--json']);
    expect(planwrightRun.code).toBe(1);
    expect(JSON.parse(planwrightRun.stdout)).toMatchObject({ exitCode: 1, outcomes: [{ taskId: 'task_002', status: 'blocked' }] });
  });

  it.each([
    [['--code-dir', '.'], /^codex-orchestrate: Missing required argument: plan-dir \(see codex-orchestrate --help\)$/],
    [['--plan-dir', 'p', '--code-dir', '.', '--sandbox', 'wide-open'], /Invalid values:.*sandbox/],
    [['--plan-dir', 'p', '--code-dir', '.', '--bogus'], /^codex-orchestrate: unknown option: --bogus/],
  ])('bad flags %j: exit 2, one line', async (argv, message) => {
    const { code, stderr } = await run(codexOrchestrate, argv);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
  });

  it('an invalid plan is exit 2, naming the file, and nothing runs', async () => {
    const fixture = await orchestratorFixture([{ ...fakeTask('task_001'), status: 'finished' as never }]);
    useEnv(fixture);
    const { code, stderr } = await run(codexOrchestrate, ['--plan-dir', fixture.planDir, '--code-dir', fixture.repo]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${fixture.planFile}: tasks[0].status: unknown status "finished"`);
    expect(await fixture.invocations()).toEqual([]);
  });
});

describe('agent-runner', () => {
  it('run --pr is codex-orchestrate with the plan at .plans/<PR>', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    useEnv(fixture);
    const { code, stdout } = await run(agentRunner, ['run', '--repo', fixture.repo, '--pr', 'pr-1', '--compact-run']);
    expect(code).toBe(0);
    expect(stdout).toContain(`PLAN_FILE=${fixture.planFile}`);
  });

  it('run without --pr or --plan-dir is a usage error', async () => {
    const { code, stderr } = await run(agentRunner, ['run']);
    expect(code).toBe(2);
    expect(stderr).toContain('name the plan with --pr <PR> or --plan-dir <dir>');
  });

  it('research --dry-run writes the research plan and the checkpoint, starts nothing', async () => {
    const fixture = await orchestratorFixture([]);
    useEnv(fixture);
    const { code, stdout } = await run(agentRunner, ['research', '--repo', fixture.repo, '--pr', 'pr-7', '--goal', 'Add rate limiting', '--dry-run']);
    expect(code).toBe(0);
    const planFile = join(fixture.repo, '.plans/pr-7/preplan/research.plan.json');
    expect(stdout).toBe(`Wrote research plan file: ${planFile}\nResearch output path: ${join(fixture.repo, '.plans/pr-7/research/RESEARCH.md')}\n`);
    const plan = JSON.parse(await readFile(planFile, 'utf8'));
    expect(plan.tasks[0]).toMatchObject({ id: 'task_000', expected_files: ['.plans/pr-7/research/RESEARCH.md'], status: 'pending' });
    expect(await readFile(join(fixture.repo, '.plans/pr-7/research/RESEARCH.md'), 'utf8')).toContain('research agent started');
    expect(await fixture.invocations()).toEqual([]);
  });

  it.each([['research', '--pr', 'pr-7', '--goal', 'g', '--timeout-minutes', '-1'], ['verify', '--pr', 'pr-1', '--task', 'task_001', '--timeout-minutes', 'soon']])('%j: a bad number is exit 2 naming the flag, nothing written', async (...argv) => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    useEnv(fixture);
    const before = await readFile(fixture.planFile, 'utf8');
    const { code, stderr } = await run(agentRunner, [...argv, '--repo', fixture.repo]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^agent-runner: --timeout-minutes (-1|\(not a number\)): expected a number of 0 or more/);
    expect(existsSync(join(fixture.repo, '.plans/pr-7'))).toBe(false);
    expect(await readFile(fixture.planFile, 'utf8')).toBe(before);
  });

  it('research runs the agent on task_000 and, when it fails, appends a failure checkpoint', async () => {
    const fixture = await orchestratorFixture([]);
    useEnv(fixture);
    vi.stubEnv('FAKE_AGENT_MODE', 'exit 1');
    const runRoot = await tempDir();
    const { code } = await run(agentRunner, ['research', '--repo', fixture.repo, '--pr', 'pr-7', '--goal', 'Add rate limiting', '--run-root', runRoot]);
    expect(code).toBe(1);
    const brief = await readFile(join(fixture.repo, '.plans/pr-7/research/RESEARCH.md'), 'utf8');
    expect(brief).toMatch(/## Research run failed \(.*\)\n\n- exit code: 1\n- run dir: .*\n- results: partial \(agent_failed: .*\) at .*results\/task_000\.json\n- agent log: .*agent_task_000\.log/);
  });

  it('check lists the agent CLIs with their versions and flags', async () => {
    const fixture = await orchestratorFixture([]);
    useEnv(fixture);
    const { code, stdout } = await run(agentRunner, ['check', '--json']);
    expect(code).toBe(0);
    const checks = JSON.parse(stdout);
    expect(checks[0]).toMatchObject({ agent: 'codex', installed: true, version: '0.169.0', flags: { fullAuto: false, bypassSandbox: true } });
  });
});

describe('the built bins', () => {
  it('codex-orchestrate --help is the prerendered help, identical to what yargs renders now', async () => {
    if (!existsSync(codexOrchestrateBin)) throw new Error('run "pnpm build" first');
    const spawned = await execa('node', [codexOrchestrateBin, '--help']);
    expect(`${spawned.stdout}\n`).toBe((await run(codexOrchestrate, ['--help'])).stdout);
    const agentRunnerBin = codexOrchestrateBin.replace('codex-orchestrate.js', 'agent-runner.js');
    expect(`${(await execa('node', [agentRunnerBin, '--help'])).stdout}\n`).toBe((await run(agentRunner, ['--help'])).stdout);
  });
});
