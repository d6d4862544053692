import { readFile } from 'node:fs/promises';
import { captureIo } from '@planwright/cli-kit';
import { tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { main } from './cli.js';
import { SCHEMAS } from './schemas/json-schema.js';

const plan = {
  goal: 'Add a health endpoint',
  tasks: [
    { id: 'task_001', title: 'Route', status: 'done', domain: 'api' },
    { id: 'task_002', title: 'Handler', status: 'pending', domain: 'api', depends_on: ['task_001'] },
    { id: 'task_003', title: 'Docs', status: 'blocked', blocked_reason: 'timeout' },
    { id: 'task_004', title: 'Release', status: 'pending', depends_on: ['task_002', 'task_003'] },
  ],
};

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('plan-schema CLI', () => {
  it('status prints the compact table, counts, runnable and blocked tasks', async () => {
    const { repo } = await tempPlanRepo({ plan });
    const { code, stdout } = await run(['status', '--repo', repo, '--pr', 'pr-1']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'goal: Add a health endpoint',
        'id        status   domain  deps               title',
        'task_001  done     api     -                  Route',
        'task_002  pending  api     task_001           Handler',
        'task_003  blocked  -       -                  Docs',
        'task_004  pending  -       task_002,task_003  Release',
        '',
        '4 tasks: 2 pending, 1 done, 1 blocked',
        'runnable: task_002',
        'blocked task_003: timeout',
        'critical path: task_002 -> task_004',
        '',
      ].join('\n'),
    );
  });

  it('status --json prints one JSON document', async () => {
    const { planFile } = await tempPlanRepo({ plan });
    const { code, stdout } = await run(['status', '--plan', planFile, '--json']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ total: 4, runnable: ['task_002'], counts: { done: 1, pending: 2, blocked: 1 } });
  });

  it('next lists the runnable tasks', async () => {
    const { repo } = await tempPlanRepo({ plan });
    expect((await run(['next', '--repo', repo, '--pr', 'pr-1'])).stdout).toBe('task_002  [api] Handler\n');
    const json = JSON.parse((await run(['next', '--repo', repo, '--pr', 'pr-1', '--json'])).stdout);
    expect(json.runnable.map((task: { id: string }) => task.id)).toEqual(['task_002']);
  });

  it('next says why nothing can run', async () => {
    const { repo } = await tempPlanRepo({ plan: { tasks: [{ id: 'a', status: 'blocked' }] } });
    expect((await run(['next', '--repo', repo, '--pr', 'pr-1'])).stdout).toBe('no runnable task (1 task: 1 blocked)\n');
  });

  it('validate and validate-plan accept a valid plan', async () => {
    const { repo, planFile } = await tempPlanRepo({ plan });
    expect((await run(['validate', planFile])).stdout).toMatch(/^ok: .*plan\.json: 4 tasks: 2 pending, 1 done, 1 blocked; 3 waves\n$/);
    expect((await run(['validate-plan', '--repo', repo, '--pr', 'pr-1'])).code).toBe(0);
  });

  it('validate lists every problem, exit 2', async () => {
    const bad = { tasks: [{ id: 'a', status: 'finished' }, { id: 'a', title: 3 }] };
    const { planFile } = await tempPlanRepo({ plan: bad });
    const { code, stderr, stdout } = await run(['validate', planFile]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      `${planFile}: tasks[0].status: unknown status "finished" (allowed: pending, in_progress, agent_done, done, deferred, blocked, paused)`,
      `${planFile}: tasks[1].title: expected a string, got 3`,
    ]);
    const json = JSON.parse((await run(['validate', planFile, '--json'])).stdout);
    expect(json).toMatchObject({ valid: false, problems: [{ path: 'tasks[0].status' }, { path: 'tasks[1].title' }] });
  });

  it('validate reports invalid JSON with line and column', async () => {
    const { planFile } = await tempPlanRepo({ plan: '{\n  "tasks": [}\n' });
    const { code, stderr } = await run(['validate', planFile]);
    expect(code).toBe(2);
    expect(stderr).toBe(`${planFile}:2:13: invalid JSON: unexpected '}', a value was expected (fix the JSON syntax at that position)\n`);
  });

  it.each([
    ['a missing plan', ['status', '--pr', 'nope'], /^\.plans\/nope\/plan\.json: no such plan file \(check --pr\/--plan/],
    ['no plan named', ['status'], /^name the plan with --pr <PR> or --plan <file>/],
    ['a PR name that slugs to nothing', ['status', '--pr', '///'], /^--pr "\/\/\/": the slug is empty \(only a-z and 0-9 are kept\)/],
    ['an unknown flag', ['status', '--pr', 'p', '--bogus'], /^unknown option: --bogus \(see plan-schema --help\)$/],
    ['an unknown command', ['frobnicate'], /^unknown argument: frobnicate/],
    ['--pr with --plan', ['status', '--pr', 'a', '--plan', 'b'], /^Arguments pr and plan are mutually exclusive/],
    ['no command', [], /^Name a command\./],
  ])('%s: exit 2 and one line on stderr', async (_case, argv, message) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim().replace(/^plan-schema: /, '')).toMatch(message);
  });

  it('a broken plan: exit 2, no stack, the file untouched', async () => {
    const text = '{"tasks": [{"id": "a", "depends_on": ["a"]}]}';
    const { repo, planFile } = await tempPlanRepo({ plan: text });
    const { code, stderr } = await run(['mark-verified', '--repo', repo, '--pr', 'pr-1', '--task', 'a']);
    expect(code).toBe(2);
    expect(stderr).not.toContain('    at ');
    expect(stderr).toContain('tasks[0].depends_on[0]: task "a" depends on itself');
    expect(await readFile(planFile, 'utf8')).toBe(text);
  });

  it('mark-verified prints one line, or the would-be change with --dry-run', async () => {
    const { repo } = await tempPlanRepo({ plan });
    const dry = await run(['mark-verified', '--repo', repo, '--pr', 'pr-1', '--task', 'task_002', '--dry-run', '--note', 'ok']);
    expect(dry.stdout).toMatch(/^dry run, nothing written: would set task_002: done \(was pending\) and append to .*MASTER\.md:\n## .* — mark-verified task_002/);
    const real = await run(['mark-verified', '--repo', repo, '--pr', 'pr-1', '--task', 'task_002']);
    expect(real.stdout).toMatch(/^task_002: done \(was pending\), verified \S+Z; logged in .*MASTER\.md\n$/);
  });

  it('json-schema prints the plan schema; --schema picks another file', async () => {
    const plan = JSON.parse((await run(['json-schema'])).stdout);
    expect(plan.$id).toMatch(/plan\.schema\.json$/);
    expect(plan.properties.tasks.items.properties.status.enum).toContain('agent_done');
    expect(plan.additionalProperties).toEqual({});
    const results = JSON.parse((await run(['json-schema', '--schema', 'results'])).stdout);
    expect(results.required).toEqual(['task_id', 'run_id', 'status']);
  });

  it('json-schema offers exactly the published schemas', async () => {
    const { stdout } = await run(['json-schema', '--help']);
    for (const name of Object.keys(SCHEMAS)) expect(stdout).toContain(`"${name}"`);
    expect((await run(['json-schema', '--schema', 'nope'])).code).toBe(2);
  });
});

describe('status with accounting', () => {
  it('shows agent, time and tokens per task, and the totals, once the orchestrator recorded them', async () => {
    const accounted = {
      tasks: [
        { id: 'a', title: 'One', status: 'done', agent: 'codex', duration_ms: 65_000, attempts: 2, usage: { input_tokens: 12_345, output_tokens: 678 } },
        { id: 'b', title: 'Two', status: 'agent_done', agent: 'claude', duration_ms: 4_000, attempts: 1, usage: { input_tokens: 1_000, output_tokens: 20, cost_usd: 0.5 } },
        { id: 'c', title: 'Three', status: 'pending' },
      ],
    };
    const { repo } = await tempPlanRepo({ plan: accounted });
    const { stdout } = await run(['status', '--repo', repo, '--pr', 'pr-1']);
    expect(stdout).toBe(
      [
        'id  status      domain  deps  agent   time   tokens     title',
        'a   done        -       -     codex   1m05s  12.3k/678  One',
        'b   agent_done  -       -     claude  4s     1.0k/20    Two',
        'c   pending     -       -     -       -      -          Three',
        '',
        '3 tasks: 1 pending, 1 agent_done, 1 done',
        'runnable: c',
        'totals: 1m09s of agent time · 13.3k in / 698 out tokens · $0.50 · 3 attempts',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await run(['status', '--repo', repo, '--pr', 'pr-1', '--json'])).stdout);
    expect(json.totals).toEqual({ duration_ms: 69_000, input_tokens: 13_345, output_tokens: 698, cached_input_tokens: 0, cost_usd: 0.5, attempts: 3, handshake_reminders: 0 });
  });

  it('counts the handshake reminder turns agents needed, per task (--json) and in the totals', async () => {
    const plan = { tasks: [{ id: 'a', status: 'agent_done', agent: 'codex', duration_ms: 9_000, attempts: 1, handshake_reminders: 1, usage: { input_tokens: 2_400, output_tokens: 600 } }] };
    const { repo } = await tempPlanRepo({ plan });
    const { stdout } = await run(['status', '--repo', repo, '--pr', 'pr-1']);
    expect(stdout).toContain('totals: 9s of agent time · 2.4k in / 600 out tokens · 1 attempt · 1 handshake reminder\n');
    const json = JSON.parse((await run(['status', '--repo', repo, '--pr', 'pr-1', '--json'])).stdout);
    expect(json.tasks[0]).toMatchObject({ handshake_reminders: 1, input_tokens: 2_400 });
  });
});
