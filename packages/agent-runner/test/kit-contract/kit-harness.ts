import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import type { Task } from '@planwright/plan-schema';
import { tempDir } from '@planwright/test-utils';
import { expect, onTestFinished, vi } from 'vitest';
import { main as agentRunner } from '../../src/cli.js';
import { main as codexOrchestrate } from '../../src/codex-orchestrate-cli.js';
import { fakeTask, orchestratorFixture, type Fixture } from '../fixture.js';

/** One run of a contract case, for its checks. */
export interface KitRun {
  fixture: Fixture;
  /** A spare temp folder (run roots, config files, plain code dirs). */
  scratch: string;
  code: number;
  stdout: string;
  stderr: string;
  /** The RUN_DIR= line's folder, when printed. */
  runDir?: string;
  /** Runs the command line again in the same fixture and environment. */
  again(argv: string[]): Promise<Omit<KitRun, 'again' | 'fixture' | 'scratch'>>;
}

/**
 * One observable behaviour of the kit: the set-up, the command line after `--plan-dir <plan> --code-dir
 * <repo>`, and what a user sees: the exit code, stdout and stderr lines, and the files (in `check`).
 * `untouched` asserts a setup error's promise: plan.json's bytes unchanged and no run folder made.
 */
export interface KitCase {
  name: string;
  tasks?: Task[];
  /** orchestrator.toml, written to $CODEX_HOME. */
  toml?: string;
  env?: (context: { fixture: Fixture; scratch: string }) => Record<string, string | undefined>;
  setup?: (context: { fixture: Fixture; scratch: string }) => Promise<void>;
  argv: (context: { fixture: Fixture; scratch: string }) => string[];
  /** Omit --plan-dir/--code-dir (the case names them itself). */
  bare?: boolean;
  /** `planwright run` (agent-runner run) instead of codex-orchestrate. */
  cli?: 'codex-orchestrate' | 'run';
  exit: number;
  stdout?: RegExp[];
  stderr?: RegExp;
  untouched?: boolean;
  check?: (run: KitRun) => Promise<void>;
}

/** Runs one case through the real command line, in-process, with the fake codex. */
export async function runKitCase(kitCase: KitCase): Promise<KitRun> {
  const fixture = await orchestratorFixture(kitCase.tasks ?? [fakeTask('task_001')]);
  const scratch = await tempDir('planwright-kit-');
  const context = { fixture, scratch };
  if (kitCase.toml !== undefined) await writeFile(join(fixture.env.CODEX_HOME!, 'orchestrator.toml'), kitCase.toml);
  await kitCase.setup?.(context);
  // The command lines read process.env, as from a user's shell.
  for (const [key, value] of Object.entries({ ...fixture.env, ...kitCase.env?.(context) })) vi.stubEnv(key, value);
  onTestFinished(() => void vi.unstubAllEnvs());
  const planBefore = await readFile(fixture.planFile, 'utf8').catch(() => undefined);
  const cli = kitCase.cli === 'run' ? (argv: string[], io: ReturnType<typeof captureIo>) => agentRunner(['run', ...argv], io) : codexOrchestrate;
  const invoke = async (argv: string[]) => {
    const io = captureIo();
    const code = await cli(argv, io);
    const runDir = /^RUN_DIR=(.+)$/m.exec(io.stdout)?.[1];
    return { code, stdout: io.stdout, stderr: io.stderr, runDir };
  };
  const dirs = kitCase.bare ? [] : ['--plan-dir', fixture.planDir, kitCase.cli === 'run' ? '--repo' : '--code-dir', fixture.repo];
  const first = await invoke([...dirs, ...kitCase.argv(context)]);
  const run: KitRun = { fixture, scratch, ...first, again: (argv) => invoke([...dirs, ...argv]) };
  expect(run.code, `exit code; stdout:\n${run.stdout}\nstderr:\n${run.stderr}`).toBe(kitCase.exit);
  for (const line of kitCase.stdout ?? []) expect(run.stdout).toMatch(line);
  if (kitCase.stderr) expect(run.stderr).toMatch(kitCase.stderr);
  else if (kitCase.exit === 0) expect(run.stderr).toBe('');
  if (kitCase.untouched) {
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
    expect(await readFile(fixture.planFile, 'utf8').catch(() => undefined)).toBe(planBefore);
    expect(existsSync(join(fixture.planDir, 'runs'))).toBe(false);
    expect(await readdir(scratch)).not.toContain('pr-1');
  }
  await kitCase.check?.(run);
  return run;
}

/** A task already finished: a plan of these has nothing runnable, so no agent starts. */
export function doneTask(id: string): Task {
  return { ...fakeTask(id), status: 'done' };
}

/** plan.json's task, as written. */
export async function taskOf(run: KitRun, id: string): Promise<Task> {
  return run.fixture.task(id);
}

/** meta.json's `args` of the run the case printed. */
export async function metaArgs(run: KitRun): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(run.runDir!, 'meta.json'), 'utf8')).args;
}
