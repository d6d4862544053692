import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { syncPlan } from '@planwright/run-store';
import { git, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeTask } from '../fixture.js';
import { runKitCase, taskOf, type KitCase } from './kit-harness.js';

// Every flag of the kit's codex-orchestrate, as the kit's README and docs/coming-from-the-kit.md describe
// it: what a user sees (exit code, lines) and what is on disk afterwards.
const cases: KitCase[] = [
  {
    name: '--compact-run: results-json handshake, RUN_DIR= and PLAN_FILE= first, "Waiting for <results> ..."',
    argv: () => ['--compact-run'],
    exit: 0,
    stdout: [/^RUN_DIR=.*\/\.plans\/pr-1\/runs\/\d{8}-\d{6}-\d+\nPLAN_FILE=.*plan\.json\n/, /Waiting for .*\/results\/task_001\.json \.\.\.\n/],
    check: async (run) => {
      expect(existsSync(join(run.runDir!, 'results', 'task_001.json'))).toBe(true);
      expect(existsSync(join(run.runDir!, 'plan', 'plan.json'))).toBe(false);
      expect((await taskOf(run, 'task_001')).status).toBe('agent_done');
    },
  },
  {
    name: 'the default (full) layout: RUN_PLAN= and the plan snapshot, done-file handshake',
    argv: () => [],
    exit: 0,
    stdout: [/\nRUN_PLAN=.*\/plan\/plan\.json\n/, /Waiting for .*\/done\/task_001\.done \.\.\./],
    check: async (run) => expect(existsSync(join(run.runDir!, 'done', 'task_001.done'))).toBe(true),
  },
  {
    name: '--handshake results-json without --compact-run',
    argv: () => ['--handshake', 'results-json'],
    exit: 0,
    stdout: [/RUN_PLAN=/, /Waiting for .*\/results\/task_001\.json/],
  },
  {
    name: '--plan-file: another plan.json',
    setup: async ({ scratch }) => writeFiles(scratch, { 'other.json': JSON.stringify({ goal: 'g', tasks: [fakeTask('task_009')] }) }),
    argv: ({ scratch }) => ['--compact-run', '--plan-file', join(scratch, 'other.json')],
    exit: 0,
    stdout: [/PLAN_FILE=.*other\.json/, /task_009: agent_done/],
  },
  {
    name: '-- GOAL without a plan: the one-task starter plan',
    setup: async ({ fixture }) => rm(fixture.planFile),
    argv: () => ['--compact-run', '--', 'Add', 'a', 'health', 'endpoint'],
    exit: 0,
    check: async (run) => expect(JSON.parse(await readFile(run.fixture.planFile, 'utf8'))).toMatchObject({ goal: 'Add a health endpoint', tasks: [{ id: 'task_001' }] }),
  },
  {
    name: '--run-root: runs go to <run-root>/<PR>/',
    argv: ({ scratch }) => ['--compact-run', '--run-root', scratch],
    exit: 0,
    check: async (run) => expect(run.runDir!.startsWith(join(run.scratch, 'pr-1'))).toBe(true),
  },
  {
    name: '--run-dir: a new folder becomes the run folder',
    argv: ({ scratch }) => ['--compact-run', '--run-dir', join(scratch, 'my-run')],
    exit: 0,
    check: async (run) => {
      expect(run.runDir).toBe(join(run.scratch, 'my-run'));
      expect(existsSync(join(run.scratch, 'my-run', 'meta.json'))).toBe(true);
    },
  },
  {
    name: '--run-dir: a folder with other files is refused (exit 2), nothing written',
    setup: async ({ scratch }) => writeFiles(scratch, { 'notes/todo.txt': 'mine\n' }),
    argv: ({ scratch }) => ['--compact-run', '--run-dir', join(scratch, 'notes')],
    exit: 2,
    stderr: /^codex-orchestrate: --run-dir .*\/notes: not empty and not a run folder \(no meta\.json\)/,
    untouched: true,
    check: async (run) => expect(await readdir(join(run.scratch, 'notes'))).toEqual(['todo.txt']),
  },
  {
    name: '--reuse-run takes the newest run folder; --no-reuse-run makes a new one',
    tasks: [fakeTask('task_001'), fakeTask('task_002'), fakeTask('task_003')],
    argv: () => ['--compact-run', '--reuse-run'],
    exit: 0,
    check: async (run) => {
      const reused = await run.again(['--compact-run', '--reuse-run']);
      expect(reused.runDir).toBe(run.runDir);
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // run folders are named to the second
      const fresh = await run.again(['--compact-run', '--no-reuse-run']);
      expect(fresh.runDir).not.toBe(run.runDir);
    },
  },
  {
    name: '--max-tasks 2 runs two tasks (the default is one)',
    tasks: [fakeTask('task_001'), fakeTask('task_002'), fakeTask('task_003')],
    argv: () => ['--compact-run', '--max-tasks', '2'],
    exit: 0,
    check: async (run) => expect((await run.fixture.invocations()).length).toBe(2),
  },
  {
    name: 'a flag shortened as argparse allows: --max 2 is --max-tasks 2',
    tasks: [fakeTask('task_001'), fakeTask('task_002'), fakeTask('task_003')],
    argv: () => ['--compact', '--max', '2'],
    exit: 0,
    check: async (run) => expect((await taskOf(run, 'task_002')).status).toBe('agent_done'),
  },
  {
    name: 'an ambiguous prefix is a usage error naming the flags it could be',
    argv: () => ['--re', '1'],
    exit: 2,
    stderr: /^codex-orchestrate: ambiguous option: --re could match --reuse-run, --results-grace-seconds, --retries/,
    untouched: true,
  },
  {
    name: '--task-id runs that task, whatever its place',
    tasks: [fakeTask('task_001'), fakeTask('task_002')],
    argv: () => ['--compact-run', '--task-id', 'task_002'],
    exit: 0,
    check: async (run) => expect([(await taskOf(run, 'task_001')).status, (await taskOf(run, 'task_002')).status]).toEqual(['pending', 'agent_done']),
  },
  {
    name: '--ensure-git --baseline-commit --git-branch pr/<PR_NAME> on a folder that is no repository yet',
    setup: async ({ scratch }) => writeFiles(scratch, { 'code/app.py': 'print(1)\n' }),
    argv: ({ scratch }) => ['--code-dir', join(scratch, 'code'), '--compact-run', '--ensure-git', '--baseline-commit', '--git-branch', 'pr/<PR_NAME>'],
    exit: 0,
    check: async (run) => {
      const code = join(run.scratch, 'code');
      expect(await git(code, ['symbolic-ref', '--short', 'HEAD'])).toBe('pr/pr-1');
      expect(await git(code, ['log', '--format=%s'])).toBe('planwright: baseline');
      expect(await readFile(join(code, '.gitignore'), 'utf8')).toContain('runs/');
    },
  },
  {
    name: '--ensure-git --no-gitignore-runs leaves .gitignore alone',
    setup: async ({ scratch }) => writeFiles(scratch, { 'code/app.py': 'print(1)\n' }),
    argv: ({ scratch }) => ['--code-dir', join(scratch, 'code'), '--compact-run', '--ensure-git', '--no-gitignore-runs'],
    exit: 0,
    check: async (run) => expect(existsSync(join(run.scratch, 'code', '.gitignore'))).toBe(false),
  },
  {
    name: '--git-branch feat in a repository without a commit switches the unborn branch',
    setup: async ({ scratch }) => {
      await mkdir(join(scratch, 'code'));
      await git(join(scratch, 'code'), ['init', '--quiet', '--initial-branch', 'main']);
    },
    argv: ({ scratch }) => ['--code-dir', join(scratch, 'code'), '--compact-run', '--git-branch', 'feat'],
    exit: 0,
    stdout: [/note: on branch feat \(created\)/],
    check: async (run) => expect(await git(join(run.scratch, 'code'), ['symbolic-ref', '--short', 'HEAD'])).toBe('feat'),
  },
  {
    name: "--stream-agent-output shows the agent's output here too",
    argv: () => ['--compact-run', '--stream-agent-output'],
    exit: 0,
    stdout: [/"type":"thread\.started"/],
  },
  {
    name: '--no-wait starts the agent and returns: "Spawned agent PID=", meta running_background',
    argv: () => ['--compact-run', '--no-wait'],
    exit: 0,
    stdout: [/Spawned agent PID=\d+ \(no-wait\)\.\nAgent output captured at: .*agent_task_001\.log/],
    check: async (run) => expect(JSON.parse(await readFile(join(run.runDir!, 'meta.json'), 'utf8')).status).toBe('running_background'),
  },
  {
    name: '--interactive-code with --no-wait cannot work (exit 2)',
    argv: () => ['--interactive-code', '--no-wait'],
    exit: 2,
    stderr: /--no-wait cannot be used with --interactive-code/,
    untouched: true,
  },
  {
    name: '--ghostty --keep-open: a launcher per task, run in a new window (a stand-in ghostty)',
    setup: async ({ scratch }) => {
      await writeFile(join(scratch, 'ghostty'), '#!/bin/sh\nshift\nsetsid "$@" >/dev/null 2>&1 < /dev/null &\nexit 0\n');
      await chmod(join(scratch, 'ghostty'), 0o755);
    },
    env: ({ scratch, fixture }) => ({ PATH: `${scratch}:${fixture.env.PATH}` }),
    argv: () => ['--compact-run', '--ghostty', '--keep-open'],
    exit: 0,
    check: async (run) => expect(await readFile(join(run.runDir!, 'logs', 'launch_task_001.sh'), 'utf8')).toMatch(/^#!\/usr\/bin\/env bash\n/),
  },
  {
    name: '--timeout-minutes: the agent is ended, the task blocked (timeout), fallback results, exit 124',
    tasks: [fakeTask('task_001', 'hang')],
    argv: () => ['--compact-run', '--timeout-minutes', '0.02', '--timeout-grace-seconds', '1'],
    exit: 124,
    check: async (run) => {
      expect(await taskOf(run, 'task_001')).toMatchObject({ status: 'blocked', blocked_reason: 'timeout' });
      expect(JSON.parse(await readFile(join(run.runDir!, 'results', 'task_001.json'), 'utf8'))).toMatchObject({ status: 'partial', generated_by: expect.any(String) });
    },
  },
  {
    name: '--heartbeat-interval-seconds: control/heartbeat.json while waiting',
    argv: () => ['--compact-run', '--heartbeat-interval-seconds', '1'],
    exit: 0,
    check: async (run) => expect(JSON.parse(await readFile(join(run.runDir!, 'control', 'heartbeat.json'), 'utf8'))).toMatchObject({ task_id: 'task_001' }),
  },
  ...(['--timeout-grace-seconds -1', '--heartbeat-interval-seconds -3', '--timeout-minutes -5', '--max-tasks 1.5', '--results-grace abc', '--handshake-reminders -1'] as const).map(
    (flags): KitCase => ({
      name: `${flags}: a usage error naming the flag, nothing written`,
      argv: () => flags.split(' '),
      exit: 2,
      stderr: new RegExp(`^codex-orchestrate: ${flags.split(' ')[0]!.replace('--results-grace', '--results-grace-seconds')} `),
      untouched: true,
    }),
  ),
  {
    name: '--sandbox danger-full-access --approval never: codex gets --dangerously-bypass-approvals-and-sandbox',
    argv: () => ['--compact-run', '--sandbox', 'danger-full-access', '--approval', 'never'],
    exit: 0,
    check: async (run) => expect((await run.fixture.invocations())[0]!.argv).toContain('--dangerously-bypass-approvals-and-sandbox'),
  },
  {
    name: '--sandbox workspace-write --approval on-request: -s workspace-write (codex 0.169 has no --full-auto)',
    argv: () => ['--compact-run', '--sandbox', 'workspace-write', '--approval', 'on-request'],
    exit: 0,
    check: async (run) => {
      const argv = (await run.fixture.invocations())[0]!.argv;
      expect(argv.join(' ')).toContain('-s workspace-write');
      expect(argv).not.toContain('--full-auto');
    },
  },
  {
    name: '--sync-plan (the default) writes the outcome into plan.json',
    argv: () => ['--compact-run', '--sync-plan'],
    exit: 0,
    check: async (run) => expect((await taskOf(run, 'task_001')).status).toBe('agent_done'),
  },
  {
    name: '--no-sync-plan leaves the outcome in the run folder for sync',
    argv: () => ['--compact-run', '--no-sync-plan'],
    exit: 0,
    stdout: [/note: plan\.json not updated \(--no-sync-plan\)/],
    check: async (run) => {
      expect((await taskOf(run, 'task_001')).status).toBe('in_progress');
      expect(existsSync(join(run.runDir!, 'results', 'task_001.json'))).toBe(true);
      await syncPlan({ pr: 'pr-1', plan: run.fixture.planFile, runsRoot: join(run.fixture.planDir, 'runs') });
      expect((await taskOf(run, 'task_001')).status).toBe('agent_done');
    },
  },
  {
    name: 'an unknown flag is a usage error',
    argv: () => ['--bogus'],
    exit: 2,
    stderr: /^codex-orchestrate: unknown option: --bogus/,
    untouched: true,
  },
];

describe('kit contract: codex-orchestrate flags', () => {
  it.each(cases.map((kitCase) => [kitCase.name, kitCase] as const))('%s', async (_name, kitCase) => {
    await runKitCase(kitCase);
  });
});
