import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { git, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { doneTask, metaArgs, runKitCase, type KitCase } from './kit-harness.js';

// orchestrator.toml's keys and the environment variables the kit read, one case each. A plan whose tasks
// are all done starts no agent, so a key that only settles a value is read off meta.json's args.
const nothingToRun = [doneTask('task_001')];

const configCases: KitCase[] = [
  {
    name: 'compact_run = 1 (the kit coerced it): no plan snapshot, results-json',
    toml: 'compact_run = 1\n',
    argv: () => [],
    exit: 0,
    check: async (run) => {
      expect(run.stdout).not.toMatch(/RUN_PLAN=/);
      expect((await metaArgs(run)).handshake).toBe('results-json');
    },
  },
  {
    name: 'run_root = "~/runs": runs go there, ~ expanded',
    tasks: nothingToRun,
    toml: 'run_root = "~/runs"\n',
    env: ({ scratch }) => ({ HOME: scratch }),
    argv: () => [],
    exit: 0,
    check: async (run) => expect(run.runDir!.startsWith(join(run.scratch, 'runs', 'pr-1'))).toBe(true),
  },
  {
    name: 'reuse_run = true: the second start reuses the run folder',
    tasks: nothingToRun,
    toml: 'reuse_run = true\n',
    argv: () => [],
    exit: 0,
    check: async (run) => expect((await run.again([])).runDir).toBe(run.runDir),
  },
  {
    name: 'ensure_git, baseline_commit, gitignore_runs, git_branch: the git set-up of the flags',
    tasks: nothingToRun,
    toml: 'ensure_git = "true"\nbaseline_commit = true\ngitignore_runs = true\ngit_branch = "pr/<PR_NAME>"\n',
    setup: async ({ scratch }) => writeFiles(scratch, { 'code/app.py': 'print(1)\n' }),
    argv: ({ scratch }) => ['--code-dir', join(scratch, 'code')],
    exit: 0,
    check: async (run) => {
      const code = join(run.scratch, 'code');
      expect(await git(code, ['symbolic-ref', '--short', 'HEAD'])).toBe('pr/pr-1');
      expect(await git(code, ['log', '--format=%s'])).toBe('planwright: baseline');
      expect(existsSync(join(code, '.gitignore'))).toBe(true);
    },
  },
  {
    name: 'stream_agent_output = true',
    toml: 'stream_agent_output = true\ncompact_run = true\n',
    argv: () => [],
    exit: 0,
    stdout: [/"type":"thread\.started"/],
  },
  {
    name: 'timeout_minutes = "30", timeout_grace_seconds = "2", heartbeat_interval_seconds = 0 (strings coerced as the kit did)',
    tasks: nothingToRun,
    toml: 'timeout_minutes = "30"\ntimeout_grace_seconds = "2"\nheartbeat_interval_seconds = 0\n',
    argv: () => [],
    exit: 0,
    check: async (run) => expect(await metaArgs(run)).toMatchObject({ timeout_minutes: 30, timeout_grace_seconds: 2, heartbeat_interval_seconds: 0 }),
  },
  {
    name: 'sandbox, approval, model: passed to codex',
    toml: 'compact_run = true\nsandbox = "danger-full-access"\napproval = "never"\nmodel = "gpt-test"\n',
    argv: () => [],
    exit: 0,
    check: async (run) => {
      const argv = (await run.fixture.invocations())[0]!.argv;
      expect(argv).toContain('--dangerously-bypass-approvals-and-sandbox');
      expect(argv.join(' ')).toMatch(/(-m|--model) gpt-test/);
    },
  },
  {
    name: 'a flag wins over the config',
    tasks: nothingToRun,
    toml: 'timeout_minutes = 30\n',
    argv: () => ['--timeout-minutes', '5'],
    exit: 0,
    check: async (run) => expect((await metaArgs(run)).timeout_minutes).toBe(5),
  },
  {
    name: 'broken TOML (the kit ignored it): exit 2 with the line and column, nothing written',
    toml: 'compact_run = true\ntimeout_minutes = [\n',
    argv: () => [],
    exit: 2,
    stderr: /^codex-orchestrate: .*orchestrator\.toml:\d+:\d+: invalid TOML/,
    untouched: true,
  },
  {
    name: 'a value that cannot be coerced: exit 2 naming the file and key, nothing written',
    toml: 'compact_run = "maybe"\n',
    argv: () => [],
    exit: 2,
    stderr: /^codex-orchestrate: .*orchestrator\.toml: compact_run: expected boolean/,
    untouched: true,
  },
  {
    name: 'an unknown sandbox in the config: exit 2 naming the key',
    toml: 'sandbox = "wide-open"\n',
    argv: () => [],
    exit: 2,
    stderr: /orchestrator\.toml: sandbox: expected one of "read-only"/,
    untouched: true,
  },
];

const envCases: KitCase[] = [
  {
    name: 'CODEX_HOME: its orchestrator.toml is read',
    tasks: nothingToRun,
    toml: 'timeout_minutes = 7\n',
    argv: () => [],
    exit: 0,
    check: async (run) => expect((await metaArgs(run)).timeout_minutes).toBe(7),
  },
  ...(['~/cfg/orch.toml', '$CFG_DIR/orch.toml', '${CFG_DIR}/orch.toml'] as const).map(
    (value): KitCase => ({
      name: `CODEX_ORCH_CONFIG=${value}: expanded as the kit did`,
      tasks: nothingToRun,
      setup: async ({ scratch }) => writeFiles(scratch, { 'cfg/orch.toml': 'timeout_minutes = 9\n' }),
      env: ({ scratch }) => ({ CODEX_ORCH_CONFIG: value, HOME: scratch, CFG_DIR: join(scratch, 'cfg') }),
      argv: () => [],
      exit: 0,
      check: async (run) => expect((await metaArgs(run)).timeout_minutes).toBe(9),
    }),
  ),
  {
    name: 'CODEX_ORCH_CONFIG naming no file: no config, as the kit; one note on stderr',
    tasks: nothingToRun,
    toml: 'timeout_minutes = 7\n',
    env: ({ scratch }) => ({ CODEX_ORCH_CONFIG: join(scratch, 'missing.toml') }),
    argv: () => [],
    exit: 0,
    stderr: /^note: CODEX_ORCH_CONFIG=.*missing\.toml: .* does not exist; running without an orchestrator config\n$/,
    check: async (run) => expect((await metaArgs(run)).timeout_minutes).toBe(0),
  },
  {
    name: 'CODEX_BIN=/no/such: exit 2, no task blocked, nothing written',
    env: () => ({ CODEX_BIN: '/no/such' }),
    argv: () => ['--compact-run'],
    exit: 2,
    stderr: /^codex-orchestrate: CODEX_BIN=\/no\/such: no such executable/,
    untouched: true,
  },
  {
    name: 'no codex on PATH: exit 2 saying how to install it, nothing written',
    setup: async ({ scratch }) => mkdir(join(scratch, 'empty-bin')),
    env: ({ scratch }) => ({ CODEX_BIN: undefined, PATH: join(scratch, 'empty-bin') }),
    argv: () => ['--compact-run'],
    exit: 2,
    stderr: /^codex-orchestrate: codex not found on PATH \(install it: npm install -g @openai\/codex/,
    untouched: true,
  },
];

describe('kit contract: orchestrator.toml keys', () => {
  it.each(configCases.map((kitCase) => [kitCase.name, kitCase] as const))('%s', async (_name, kitCase) => {
    await runKitCase(kitCase);
  });
});

describe('kit contract: environment variables', () => {
  it.each(envCases.map((kitCase) => [kitCase.name, kitCase] as const))('%s', async (_name, kitCase) => {
    await runKitCase(kitCase);
  });
});
