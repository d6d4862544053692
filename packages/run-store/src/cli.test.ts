import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import { tempDir, tempPlanRepo } from '@planwright/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { deadPid, writeRun } from '../test/helpers.js';
import { main } from './cli.js';

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

let dead: number;
beforeAll(async () => {
  dead = await deadPid();
});
const name = (minute: number) => `20261124-10${minute}00-${dead}`;
const id = (minute: number) => `${name(minute)}-ab12`;

/** A PR with two runs: task_001 finished in the newer one, task_002 was interrupted in the older one. */
async function prWithRuns() {
  const { repo, planDir, planFile } = await tempPlanRepo({
    plan: {
      tasks: [
        { id: 'task_001', status: 'in_progress', last_run_id: id(15) },
        { id: 'task_002', status: 'in_progress', last_run_id: id(10) },
        { id: 'task_003', status: 'done' },
      ],
    },
  });
  const runsRoot = join(planDir, 'runs');
  const older = await writeRun(runsRoot, name(10), {
    meta: { run_dir: 'x', invocation_run_id: id(10), created_at: '2026-11-24T10:10:00Z', updated_at: '2026-11-24T10:11:00Z', status: 'stopped', current_task_id: 'task_002' },
    logs: { task_002: 'line 1\nline 2\n' },
  });
  const newer = await writeRun(runsRoot, name(15), {
    meta: {
      run_dir: 'x',
      invocation_run_id: id(15),
      created_at: '2026-11-24T10:15:00Z',
      updated_at: '2026-11-24T10:20:00Z',
      status: 'completed',
      tasks: { task_001: { status: 'completed', thread_id: 'th-1' } },
    },
    results: { task_001: { task_id: 'task_001', run_id: id(15), status: 'completed', summary: 'parser added' } },
    logs: { task_001: 'ok\n' },
  });
  // Another PR with a plan folder and no runs yet.
  await mkdir(join(repo, '.plans/empty'));
  return { repo, planDir, planFile, runsRoot, older, newer };
}

describe('run-store list', () => {
  it('lists the runs newest first with status, update time and tasks', async () => {
    const { repo } = await prWithRuns();
    const { code, stdout, stderr } = await run(['list', '--repo', repo, '--pr', 'pr-1']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(`${name(15)}  completed  2026-11-24T10:20:00Z  task_001\n${name(10)}  stopped    2026-11-24T10:11:00Z  task_002\n`);
    const json = JSON.parse((await run(['list', '--repo', repo, '--pr', 'pr-1', '--json'])).stdout);
    expect(json.runs.map((r: { run_id: string }) => r.run_id)).toEqual([id(15), id(10)]);
  });

  it('says so when a PR has no runs yet, and looks in <run-root>/<PR> with --run-root', async () => {
    const { repo } = await tempPlanRepo({ plan: { tasks: [] } });
    expect((await run(['list', '--repo', repo, '--pr', 'pr-1'])).stdout).toBe(`no runs in ${repo}/.plans/pr-1/runs\n`);
    const root = await tempDir();
    await writeRun(join(root, 'pr-1'), name(15), { meta: { status: 'running', current_task_id: 't' } });
    expect((await run(['list', '--repo', repo, '--pr', 'pr-1', '--run-root', root])).stdout).toMatch(new RegExp(`^${name(15)}  running  -  t\\n$`));
  });
});

describe('run-store show', () => {
  it('shows the newest run of a PR, or the one named', async () => {
    const { repo, older, newer } = await prWithRuns();
    const { code, stdout } = await run(['show', '--repo', repo, '--pr', 'pr-1']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        `run_dir: ${newer}`,
        `run_id: ${id(15)}`,
        'status: completed (updated 2026-11-24T10:20:00Z)',
        'task_001 (completed)',
        '  results: valid, completed: parser added',
        `  log: ${newer}/agent_task_001.log (3 bytes)`,
        '  thread_id: th-1',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await run(['show', '--run-dir', older, '--json'])).stdout);
    expect(json).toMatchObject({ run_dir: older, status: 'stopped', tasks: [{ task_id: 'task_002', status: 'stopped', results: { state: 'missing' } }] });
  });
});

describe('run-store sync-plan', () => {
  it('prints one line per change, then "plan in sync"', async () => {
    const { repo, planFile } = await prWithRuns();
    const first = await run(['sync-plan', '--repo', repo, '--pr', 'pr-1']);
    expect(first).toEqual({
      code: 0,
      stdout: `task_001: in_progress -> agent_done (run ${id(15)})\ntask_002: in_progress -> blocked: interrupted (agent gone, no results)\n`,
      stderr: '',
    });
    const plan = JSON.parse(await readFile(planFile, 'utf8'));
    expect(plan.tasks.map((t: { status: string }) => t.status)).toEqual(['agent_done', 'blocked', 'done']);
    expect(await run(['sync', '--repo', repo, '--pr', 'pr-1'])).toEqual({ code: 0, stdout: 'plan in sync\n', stderr: '' });
  });

  it('--dry-run --json reports without writing', async () => {
    const { repo, planFile } = await prWithRuns();
    const before = await readFile(planFile, 'utf8');
    const { code, stdout } = await run(['sync-plan', '--repo', repo, '--pr', 'pr-1', '--dry-run', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ dry_run: true, written: false, changes: [{ task_id: 'task_001' }, { task_id: 'task_002' }] });
    expect(await readFile(planFile, 'utf8')).toBe(before);
  });
});

describe('run-store doctor', () => {
  it('prints the report of the newest run', async () => {
    const { repo, newer } = await prWithRuns();
    const { code, stdout } = await run(['doctor', '--repo', repo, '--pr', 'pr-1', '--task', 'task_001']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        `run_dir: ${newer}`,
        'meta.status: completed',
        'meta.updated_at: 2026-11-24T10:20:00Z',
        'task: task_001',
        'agent_pid: (not found)',
        `results: ${newer}/results/task_001.json (valid, completed)`,
        'summary: parser added',
        `log: ${newer}/agent_task_001.log (3 bytes)`,
        '--- log tail (last 20 lines) ---',
        'ok',
        '--- /log tail ---',
        'thread_id: th-1 (from meta.json)',
        '',
      ].join('\n'),
    );
  });

  it('--kill without a recorded agent fails (exit 1) and says why', async () => {
    const { repo, older } = await prWithRuns();
    const { code, stdout } = await run(['doctor', '--repo', repo, '--pr', 'pr-1', '--run-dir', older, '--kill', '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ task_id: 'task_002', kill: { ok: false, message: 'no agent pid recorded for this task; nothing to end' } });
  });
});

describe('run-store stop', () => {
  it('creates control/stop and prints its path', async () => {
    const { older } = await prWithRuns();
    expect(await run(['stop', '--run-dir', older])).toEqual({ code: 0, stdout: `${older}/control/stop\n`, stderr: '' });
    expect(existsSync(join(older, 'control/stop'))).toBe(true);
    expect((await run(['show', '--run-dir', older])).stdout).toContain('stop requested');
  });
});

describe('bad input: exit 2, one line, nothing changed', () => {
  it.each([
    [['list'], /^run-store: Missing required argument: pr \(see run-store --help\)\n$/],
    [['list', '--pr', 'nope'], /^run-store: --pr nope: unknown PR, no .* and no runs in .* \(check --pr and --repo/],
    [['list', '--pr', '///'], /^run-store: --pr "\/\/\/": the slug is empty/],
    [['list', '--pr', 'pr-1', '--run-root', '/nonexistent/root'], /^run-store: --run-root \/nonexistent\/root: no such folder/],
    [['show'], /^run-store: name the run with --run-dir <folder> or --pr <PR>/],
    [['show', '--run-dir', '/nonexistent/run'], /^run-store: --run-dir \/nonexistent\/run: no such run folder/],
    [['sync-plan', '--pr', 'nope'], /^run-store: .*\.plans\/nope\/plan\.json: no such plan file/],
    [['sync-plan', '--pr', 'pr-1', '--run-root', '/nonexistent/root'], /^run-store: --run-root \/nonexistent\/root: no such folder/],
    [['doctor', '--pr', 'pr-1', '--run-dir', '/nonexistent/run'], /^run-store: --run-dir \/nonexistent\/run: no such run folder/],
    [['doctor', '--pr', 'pr-1', '--task', '../x'], /^run-store: --task "\.\.\/x": not a task id/],
    [['doctor', '--pr', 'empty'], /^run-store: --pr empty: no runs in /],
    [['stop', '--run-dir', '/nonexistent/run'], /^run-store: --run-dir \/nonexistent\/run: no such run folder/],
    [['stop', '--run-dir', '<repo>'], /^run-store: --run-dir .*: not a run folder \(no meta\.json\)/],
    [['stop'], /^run-store: Missing required argument: run-dir/],
  ])('%j', async (argv, stderr) => {
    const { repo, planFile } = await prWithRuns();
    const before = await readFile(planFile, 'utf8');
    const needsRepo = !argv.includes('--run-dir') && argv[0] !== 'stop';
    const args = argv.map((arg) => (arg === '<repo>' ? repo : arg));
    const result = await run(needsRepo ? [...args, '--repo', repo] : args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(stderr);
    expect(await readFile(planFile, 'utf8')).toBe(before);
    expect(existsSync('/nonexistent')).toBe(false);
    expect(existsSync(join(repo, 'control'))).toBe(false);
  });
});

describe('help', () => {
  it.each(['list', 'show', 'sync-plan', 'doctor', 'stop'])('%s --help shows its flags and an example', async (command) => {
    const { code, stdout } = await run([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain(`run-store ${command}`);
  });
});
