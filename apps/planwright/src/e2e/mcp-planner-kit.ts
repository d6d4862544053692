// Test kit of the MCP planner end-to-end tests (not exported): a repository where an agent CLI starts
// `planwright mcp`, configured by `planwright init --mcp`, and the scripted planning session it plays.
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureIo } from '@planwright/cli-kit';
import type { PlannerOptions } from '@planwright/scripted-models';
import { fakeCodexPath, tempDir, tempGitRepo } from '@planwright/test-utils';
import { execa } from 'execa';
import { expect } from 'vitest';
import { main } from '../cli.js';

/** The built umbrella bin: the agent CLI starts it as `planwright mcp`, as a user's would. */
export const PLANWRIGHT_BIN = fileURLToPath(new URL('../../dist/bin/planwright.js', import.meta.url));

export const PR = 'pr-1';

/** Two independent tasks, so one run takes both and the planner has two verdicts to give. */
export const PLANNER: PlannerOptions = {
  pr: PR,
  goal: 'Notes for the repository',
  tasks: [
    { id: 'task_001', title: 'Write NOTES.md', description: 'Objective: a NOTES.md', verify: ['true'], domain: 'notes' },
    { id: 'task_002', title: 'Write TODO.md', description: 'Objective: a TODO.md', verify: ['true'], domain: 'todo' },
  ],
  waitSeconds: 20,
};

export interface PlannerWorkspace {
  repo: string;
  home: string;
  /** HOME in a temp folder, and PATH with `planwright` (the built bin) and `codex` (the fake, the task agent) first. */
  env: Record<string, string>;
}

/**
 * A git repository set up with `planwright init --mcp <client>` (in process, as a user would run it), a
 * home of its own, and a PATH folder with `planwright` and the fake `codex` that runs the tasks. Fails,
 * saying how to fix it, when the built bin has no `mcp` command.
 */
export async function plannerWorkspace(client: 'codex' | 'claude' | 'gemini'): Promise<PlannerWorkspace> {
  const help = existsSync(PLANWRIGHT_BIN) ? await execa(process.execPath, [PLANWRIGHT_BIN, 'mcp', '--help'], { reject: false }) : undefined;
  if (help?.exitCode !== 0) throw new Error(`${PLANWRIGHT_BIN} has no working "mcp" command: build it first (npx -y pnpm@12.21.0 build)`);
  const repo = await tempGitRepo({ files: { 'README.md': '# sample\n' } });
  const home = await tempDir('planwright-home-');
  const bin = join(home, 'bin');
  await mkdir(bin);
  await writeFile(join(bin, 'planwright'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(PLANWRIGHT_BIN)} "$@"\n`);
  await chmod(join(bin, 'planwright'), 0o755);
  await symlink(fakeCodexPath(), join(bin, 'codex'));
  const io = captureIo();
  expect(await main(['init', '--repo', repo, '--mcp', client], io), io.stderr).toBe(0);
  return { repo, home, env: { HOME: home, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` } };
}

/**
 * Runs an agent CLI to its end in its own process group, stdin given and closed; the group is ended
 * afterwards, so nothing it started (the MCP server above all) outlives the test.
 */
export async function runClient(bin: string, args: string[], options: { cwd: string; env: Record<string, string | undefined>; input?: string }) {
  const subprocess = execa(bin, args, { cwd: options.cwd, env: options.env, extendEnv: false, input: options.input ?? '', reject: false, timeout: 240_000, forceKillAfterDelay: 2_000, detached: true });
  const result = await subprocess;
  try {
    if (subprocess.pid !== undefined) process.kill(-subprocess.pid, 'SIGKILL');
  } catch {
    // The group has ended already: the usual case.
  }
  if (result.timedOut) throw new Error(`${bin} timed out\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  const events = String(result.stdout).split('\n').flatMap((line) => {
    try {
      return line.startsWith('{') ? [JSON.parse(line)] : [];
    } catch {
      return [];
    }
  });
  return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr), events };
}

/** What a person would check: both tasks done, verified by the planner (manual, with its note), once. */
export async function expectVerifiedPlan(repo: string): Promise<void> {
  const plan = JSON.parse(await readFile(join(repo, '.plans', PR, 'plan.json'), 'utf8'));
  expect(plan.goal).toBe(PLANNER.goal);
  expect(plan.tasks.map((task: Record<string, unknown>) => [task.id, task.status, task.verified_by, task.verified_note, task.attempts])).toEqual([
    ['task_001', 'done', 'manual', 'checked by the scripted planner', 1],
    ['task_002', 'done', 'manual', 'checked by the scripted planner', 1],
  ]);
  expect(await readFile(join(repo, '.plans', PR, 'MASTER.md'), 'utf8')).toContain('task_002');
}

/**
 * The order of the planning session's tool calls that reached planwright. On a loaded machine the CLIs
 * may send a call before the server has started; the planner makes such a call again.
 */
export const PLANNING_SESSION = /^status add_tasks start_run (wait_run )+status mark_verified mark_verified status$/;
