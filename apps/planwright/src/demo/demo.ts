import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPlanwrightError } from '@planwright/cli-kit';
import { type PlanSummary } from '@planwright/plan-schema';
import { commitsSince, demoRunRoot, researchStep, reviewStep, runStep, statusStep } from './agent-steps.js';
import { demoAssets } from './assets.js';
import type { DemoContext, StepOutcome } from './context.js';
import { findDemoCli } from './find-cli.js';
import { type DemoModels, liveModels, startScriptedModels } from './models.js';
import { mcpInitStep } from './mcp-init-step.js';
import { plannerStep } from './planner-step.js';
import { initStep, planStep, proposalStep, sampleStep } from './setup-steps.js';
import type { DemoOptions, DemoResult, DemoStep, DemoStepName } from './types.js';

const STEPS: Array<[DemoStepName, (context: DemoContext) => Promise<StepOutcome>]> = [
  ['sample', sampleStep],
  ['init', initStep],
  ['proposal', proposalStep],
  ['plan', planStep],
  ['research', researchStep],
  ['review', reviewStep],
  ['run', runStep],
  ['status', statusStep],
];

// demo --planner: the planner is an agent that drives planwright through its MCP server.
const PLANNER_STEPS: typeof STEPS = [
  ['sample', sampleStep],
  ['mcp', mcpInitStep],
  ['proposal', proposalStep],
  ['planner', plannerStep],
  ['status', statusStep],
];

const PR = 'demo';
const CHANGE = 'add-slug-command';

/**
 * The whole workflow on a sample project, in a temp folder: init, proposal, plan, research (the real Codex),
 * review (the real Gemini), `run --concurrency 2 --auto-verify --commit` (the real Codex on every task),
 * status. By default the CLIs play against scripted model servers on 127.0.0.1 (no credentials, no
 * network); `live` uses the user's own logins. Stops at the first step that fails. Whatever it started is
 * ended, and the temp folder removed unless `keep`, however it ends. A missing CLI, or with `live` a CLI
 * that is not logged in, throws before anything is created.
 *
 * @example
 * const result = await runDemo({ onStep: (step) => console.log(step.step, step.summary) });
 * process.exitCode = result.exitCode; // 0 when every step passed
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const started = Date.now();
  const base = options.env ?? process.env;
  const mode = options.live ? 'live' : 'scripted';
  const steps = options.planner ? PLANNER_STEPS : STEPS;
  // The planner flow runs Codex only: as the planner and as the task agents.
  const clis = options.planner ? [findDemoCli('codex', base)] : [findDemoCli('codex', base), findDemoCli('gemini', base)];
  const assets = demoAssets();
  const goal = /^# (.+)$/m.exec(await readFile(join(assets.planner, 'proposal.md'), 'utf8'))?.[1] ?? CHANGE;
  let models: DemoModels | undefined = options.live ? await liveModels(base, clis) : undefined;
  const dir = await mkdtemp(join(options.tmpRoot ?? tmpdir(), 'planwright-demo-'));
  const context: DemoContext = {
    dir,
    repo: join(dir, 'word-tools'),
    pr: PR,
    change: CHANGE,
    goal,
    assets,
    env: base,
    timeoutMinutes: options.agentTimeoutMinutes ?? (options.live ? 20 : 2),
    signal: options.signal,
    onProgress: options.onProgress,
  };
  const done: DemoStep[] = [];
  let commits: string[] = [];
  let status: PlanSummary | undefined;
  try {
    models ??= await startScriptedModels(dir, base, clis, assets.models);
    // Git without the user's global and system config: the sample repo sets its own identity.
    await writeFile(join(dir, 'gitconfig'), '');
    context.env = { ...models.env, GIT_CONFIG_GLOBAL: join(dir, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1' };
    options.onStart?.({ mode, clis, dir, flow: options.planner ? 'planner' : 'workflow' });
    for (const [name, run] of steps) {
      if (options.signal?.aborted) break;
      const step = await timed(name, () => run(context));
      done.push(step);
      options.onStep?.(step);
      if (!step.ok) break;
    }
    commits = await commitsSince(context).catch(() => []);
    status = done.find((step) => step.step === 'status')?.details?.status as PlanSummary | undefined;
  } finally {
    await models?.close();
    if (!options.keep) await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  }
  const ok = done.length === steps.length && done.every((step) => step.ok) && !options.signal?.aborted;
  return {
    ok,
    exitCode: options.signal?.aborted ? 130 : ok ? 0 : 1,
    mode,
    flow: options.planner ? 'planner' : 'workflow',
    dir,
    repo: context.repo,
    kept: Boolean(options.keep),
    pr: PR,
    change: CHANGE,
    clis,
    steps: done,
    commits,
    status,
    board_command: options.keep ? boardCommandFor(context.repo) : null,
    duration_ms: Date.now() - started,
  };
}

/** Runs one step, timed; an error becomes a failed step with its message (and hint) as the summary. */
async function timed(name: DemoStepName, run: () => Promise<StepOutcome>): Promise<DemoStep> {
  const started = Date.now();
  try {
    return { step: name, ...(await run()), duration_ms: Date.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\s*\n\s*/g, ' ') : String(error);
    const hint = isPlanwrightError(error) && error.hint ? ` (${error.hint})` : '';
    return { step: name, ok: false, summary: `${message}${hint}`, files: {}, duration_ms: Date.now() - started, details: { error: error instanceof Error ? error.name : 'Error' } };
  }
}

/**
 * The board of the kept folder: the last thing a person who kept it may want to look at. The demo keeps
 * its run folders in `<plan dir>/runs/<PR>/` (research and run side by side), so the board is told that
 * run root; without it, it would look in `<plan dir>/runs/` and find no run.
 */
export function boardCommandFor(repo: string): string {
  const quoted = (path: string) => (/^[\w./-]+$/.test(path) ? path : JSON.stringify(path));
  return `planwright board --repo ${quoted(repo)} --pr ${PR} --run-root ${quoted(demoRunRoot(repo, PR))} --open`;
}
