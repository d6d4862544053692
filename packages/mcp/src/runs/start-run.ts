import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { PlanwrightError } from '@planwright/cli-kit';
import { listRuns, type RunSummary } from '@planwright/run-store';
import type { PrPaths, ServerContext } from '../server/context.js';
import { lastLines, readTextOr } from './read-text.js';
import { redactFlags, runFlags, type RunOptionsInput } from './run-flags.js';

export interface StartRunOptions {
  context: ServerContext;
  paths: PrPaths;
  run: RunOptionsInput;
  /** How long to wait for the run's folder to appear (default 30 s). */
  startTimeoutMs?: number;
}

export interface StartRunResult {
  run_id: string;
  run_dir: string;
  pid: number;
  /** The orchestrator's own output, in its run folder (its final `--json` document, or its error line). */
  output_file: string;
  command: string[];
}

/**
 * Starts `planwright run --pr <PR> --json ...` (agent-runner's `run` with the workers'
 * executors, as the umbrella mounts it) detached in its own process group, so
 * it outlives this server, and returns as soon as its run folder names the run id. An orchestrator that
 * exits first (bad input, nothing runnable) is an error carrying its own line.
 */
export async function startRun(options: StartRunOptions): Promise<StartRunResult> {
  const { context, paths } = options;
  const bin = runBin();
  const args = ['run', '--repo', context.repo, '--pr', paths.pr, '--json', ...(context.runRoot ? ['--run-root', context.runRoot] : []), ...runFlags(options.run)];
  const madeRoot = await mkdir(paths.runsRoot, { recursive: true });
  // A hidden file of the runs root (run listings skip it) until the run folder exists, then moved into it.
  const startFile = join(paths.runsRoot, `.start-${process.pid}-${Date.now()}.log`);
  const output = openSync(startFile, 'w');
  const child = execa(process.execPath, [bin, ...args], {
    cwd: context.repo,
    env: context.env,
    extendEnv: false,
    detached: true,
    // execa would otherwise end the run when this server exits; the run must outlive it.
    cleanup: false,
    buffer: false,
    stdin: 'ignore',
    // execa hands a raw file descriptor straight to the child (its types only list 1 and 2).
    stdout: output as unknown as 'inherit',
    stderr: output as unknown as 'inherit',
    reject: false,
  });
  closeSync(output);
  const pid = child.pid!;
  child.unref();
  let exited: number | undefined;
  const exit = child.then((result) => (exited = result.exitCode ?? 1));
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    const run = await runOf(paths.runsRoot, pid);
    if (run?.run_id) {
      // The file stays open in the orchestrator; a rename within the runs root does not disturb it.
      const outputFile = join(run.run_dir, 'mcp-start.log');
      await rename(startFile, outputFile);
      return { run_id: run.run_id, run_dir: run.run_dir, pid, output_file: outputFile, command: ['planwright', ...redactFlags(args)] };
    }
    if (exited !== undefined || Date.now() > deadline) break;
    await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
  const said = lastLines(await readTextOr(startFile, ''), 3) || '(no output)';
  if (exited === undefined) throw new PlanwrightError(`start_run: the orchestrator (pid ${pid}) made no run folder in ${paths.runsRoot}`, { hint: `its output: ${startFile}` });
  await rm(startFile, { force: true });
  // Bad input leaves the disk as it was: the runs folder made for this call goes too (rmdir: only if empty).
  if (madeRoot) await rmdir(madeRoot).catch(() => undefined);
  throw new PlanwrightError(`start_run: the orchestrator exited ${exited} before starting a run: ${said}`, { exitCode: exited === 0 ? 1 : exited, hint: 'nothing runnable? call next or status' });
}

/** The run folder an orchestrator process made: its name ends with the pid. */
async function runOf(runsRoot: string, pid: number): Promise<RunSummary | undefined> {
  return (await listRuns({ runsRoot })).find((run) => run.name.endsWith(`-${pid}`));
}

/**
 * The built `planwright run` of this package (dist/bin/planwright-run.js): agent-runner's `run` with the
 * workers' executors, so `--executor` works here as in the umbrella CLI.
 */
function runBin(): string {
  const resolvePackage = createRequire(import.meta.url);
  const bin = join(dirname(resolvePackage.resolve('@planwright/mcp/package.json')), 'dist/bin/planwright-run.js');
  if (!existsSync(bin)) throw new PlanwrightError(`start_run: ${bin} is missing`, { hint: 'build @planwright/mcp (npx -y pnpm@12.21.0 build)' });
  return bin;
}
