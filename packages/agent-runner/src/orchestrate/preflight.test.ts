import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Task } from '@planwright/plan-schema';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture, type Fixture } from '../../test/fixture.js';
import type { OrchestrateOptions } from './options.js';

interface SetupCase {
  tasks?: Task[];
  /** Options for orchestrate(), given the fixture and a spare folder. */
  options: (fixture: Fixture, spare: string) => Promise<Partial<OrchestrateOptions>> | Partial<OrchestrateOptions>;
  message: RegExp;
}

// Setup mistakes that the library's orchestrate() refuses before its first write, so every caller (the
// CLIs, an MCP server, workers) gets the same promise: exit 2, one line, plan.json byte for byte as it
// was (no task blocked, no orchestrator.last_sync_at), no run folder, no meta.json.
const setupCases: Record<string, SetupCase> = {
  'an unknown agent in plan.json': { tasks: [{ ...fakeTask('task_001'), agent: 'nope' }], options: () => ({}), message: /plan\.json: task_001\.agent "nope": unknown agent/ },
  'an unknown --agent': { options: () => ({ agent: 'nope' }), message: /^--agent "nope": unknown agent/ },
  'CODEX_BIN naming no program': { options: (fixture) => ({ env: { ...fixture.env, CODEX_BIN: '/no/such' } }), message: /^CODEX_BIN=\/no\/such: no such executable/ },
  'no codex on PATH': {
    options: async (fixture, spare) => ({ env: { ...fixture.env, CODEX_BIN: undefined, PATH: spare } }),
    message: /^codex not found on PATH/,
  },
  'the program of a custom agent missing': {
    tasks: [{ ...fakeTask('task_001'), agent: 'aider' }],
    options: async (fixture) => {
      await writeFile(join(fixture.env.CODEX_HOME!, 'orchestrator.toml'), '[agents.aider]\ncommand = ["no-such-aider-bin", "{prompt_file}"]\n');
      return {};
    },
    message: /agents\.aider\.command: no-such-aider-bin not found on PATH/,
  },
  'a --code-dir that does not exist': { options: (fixture) => ({ codeDir: join(fixture.repo, 'missing') }), message: /^--code-dir .*missing: no such folder/ },
  'a --code-dir that is a file': { options: (fixture) => ({ codeDir: join(fixture.repo, 'README.md') }), message: /^--code-dir .*README\.md: not a folder/ },
  'a --task-id that does not exist': { options: () => ({ taskId: 'task_404' }), message: /^--task-id task_404: not found in/ },
  'a --task-id that is done': { tasks: [{ ...fakeTask('task_001'), status: 'done' }], options: () => ({ taskId: 'task_001' }), message: /^--task-id task_001: the task is done/ },
  'a --run-dir with other files in it': {
    options: async (_fixture, spare) => {
      await writeFile(join(spare, 'mine.txt'), 'x');
      return { runDir: spare };
    },
    message: /^--run-dir .*: not empty and not a run folder \(no meta\.json\)/,
  },
  'a --run-dir that is a file': { options: (fixture) => ({ runDir: join(fixture.repo, 'README.md') }), message: /^--run-dir .*README\.md: not a folder/ },
  'a negative timeout': { options: () => ({ timeoutGraceSeconds: -1 }), message: /^--timeout-grace-seconds -1: expected a number of 0 or more/ },
  'a number that is not one': { options: () => ({ resultsGraceSeconds: Number.NaN }), message: /^--results-grace-seconds \(not a number\): expected/ },
  'a --handshake-reminders that is not a whole number': { options: () => ({ handshakeReminders: 1.5 }), message: /^--handshake-reminders 1\.5: expected a whole number of 0 or more/ },
  'a negative handshake_reminders in orchestrator.toml': {
    options: async (fixture) => {
      await writeFile(join(fixture.env.CODEX_HOME!, 'orchestrator.toml'), 'handshake_reminders = -1\n');
      return {};
    },
    message: /orchestrator\.toml: handshake_reminders: /,
  },
  'broken orchestrator.toml': {
    options: async (fixture) => {
      await writeFile(join(fixture.env.CODEX_HOME!, 'orchestrator.toml'), 'compact_run = [\n');
      return {};
    },
    message: /orchestrator\.toml:\d+:\d+: invalid TOML/,
  },
  'a --task-id that is in_progress, with no reconcile to settle it (--no-sync-plan)': { options: () => ({ taskId: 'task_000', syncPlan: false }), message: /^--task-id task_000: the task is in_progress/ },
  'a --budget-tokens that is not a whole number': { options: () => ({ budgetTokens: 1.5 }), message: /^--budget-tokens 1\.5: expected a whole number of 0 or more/ },
  'a negative --budget-usd': { options: () => ({ budgetUsd: -1 }), message: /^--budget-usd -1: expected a number of 0 or more/ },
  'a --budget-minutes that is not a number': { options: () => ({ budgetMinutes: Number.NaN }), message: /^--budget-minutes \(not a number\): expected a number of 0 or more/ },
  'a negative budget_usd in orchestrator.toml': {
    options: async (fixture) => {
      await writeFile(join(fixture.env.CODEX_HOME!, 'orchestrator.toml'), 'budget_usd = -2\n');
      return {};
    },
    message: /orchestrator\.toml: budget_usd: /,
  },
  'a price in orchestrator.toml that is not a number': {
    options: async (fixture) => {
      await writeFile(join(fixture.env.CODEX_HOME!, 'orchestrator.toml'), '[prices.gpt-5]\ninput_usd_per_mtok = "cheap"\noutput_usd_per_mtok = 10\n');
      return {};
    },
    message: /orchestrator\.toml: prices\.gpt-5\.input_usd_per_mtok: expected number/,
  },
  'an unknown key in [task_budget] of orchestrator.toml': {
    options: async (fixture) => {
      await writeFile(join(fixture.env.CODEX_HOME!, 'orchestrator.toml'), '[task_budget]\ndollars = 1\n');
      return {};
    },
    message: /orchestrator\.toml: task_budget: .*dollars/,
  },
  'a task budget in plan.json that is not positive': { tasks: [{ ...fakeTask('task_001'), budget: { usd: 0 } }], options: () => ({}), message: /plan\.json: tasks\[1\]\.budget\.usd/ },
  'a negative --max-pause-minutes': { options: () => ({ maxPauseMinutes: -5 }), message: /^--max-pause-minutes -5: expected a number of 0 or more/ },
  'a max_pause_minutes in orchestrator.toml that is not a number': {
    options: async (fixture) => {
      await writeFile(join(fixture.env.CODEX_HOME!, 'orchestrator.toml'), 'max_pause_minutes = "all night"\n');
      return {};
    },
    message: /orchestrator\.toml: max_pause_minutes: /,
  },
  '--no-sync-plan with --auto-verify': { options: () => ({ syncPlan: false, autoVerify: true }), message: /^--no-sync-plan cannot be used with --auto-verify/ },
};

describe('preflight: a setup mistake changes nothing', () => {
  it.each(Object.entries(setupCases))('%s', async (_name, setupCase) => {
    // An in_progress task whose agent is gone: the start's reconcile would block it, had it run.
    const stale: Task = { ...fakeTask('task_000'), status: 'in_progress', last_run_id: '20260101-000000-1-0000' };
    const fixture = await orchestratorFixture([stale, ...(setupCase.tasks ?? [fakeTask('task_001')])]);
    const spare = await tempDir();
    const before = await readFile(fixture.planFile, 'utf8');
    const options = await setupCase.options(fixture, spare);
    const error = await fixture.run(options).then(
      () => undefined,
      (caught: unknown) => caught as Error & { exitCode: number },
    );
    expect(error?.message).toMatch(setupCase.message);
    expect(error?.exitCode).toBe(2);
    expect(error?.message.includes('\n')).toBe(false);
    expect(await readFile(fixture.planFile, 'utf8')).toBe(before);
    expect(existsSync(join(fixture.planDir, 'runs'))).toBe(false);
    expect(existsSync(join(spare, 'meta.json'))).toBe(false);
    expect(await fixture.invocations()).toEqual([]);
  });

  it('a --task-id left in_progress by a run that is gone: reconciled (interrupted), then run', async () => {
    const stale: Task = { ...fakeTask('task_001'), status: 'in_progress', last_run_id: '20260101-000000-1-0000' };
    const fixture = await orchestratorFixture([stale]);
    const { result, events } = await fixture.run({ taskId: 'task_001' });
    expect(events).toContainEqual(expect.objectContaining({ type: 'reconciled', taskId: 'task_001', to: 'blocked' }));
    expect(result.exitCode).toBe(0);
    expect((await fixture.task('task_001')).status).toBe('agent_done');
  });

  it('a run folder of an earlier run is taken by --run-dir', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001'), fakeTask('task_002')]);
    const runDir = join(await tempDir(), 'run');
    await mkdir(runDir);
    expect((await fixture.run({ runDir })).result.runDir).toBe(runDir);
    expect((await fixture.run({ runDir })).result.exitCode).toBe(0);
    expect((await fixture.task('task_002')).status).toBe('agent_done');
  });
});
