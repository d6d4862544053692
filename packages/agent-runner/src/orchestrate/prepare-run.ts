import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringifyJson, writeFileAtomic, type Plan } from '@planwright/plan-schema';
import type { Meta } from '@planwright/plan-schema';
import { newInvocationRunId, prepareRunDir, prRunsRoot, readMeta, writeMeta, writePlanSnapshot, type RunLayout } from '@planwright/run-store';
import type { StopReason } from '@planwright/run-store';
import type { OrchestratorConfig } from '../config/orchestrator-config.js';
import type { Notifier } from '../notify/notifier.js';
import { runNotifier } from '../notify/run-notifier.js';
import { defaultPlan } from './default-plan.js';
import { setUpGit } from './git-setup.js';
import type { SettledTable } from './option-types.js';
import type { Handshake, OrchestrateOptions } from './options.js';
import type { CheckedRun } from './preflight.js';
import { kitArgs, settleOptions } from './settle-options.js';
import { runWriters, type MetaWriter, type TaskWriter } from './task-writer.js';

/**
 * Everything a run needs, settled: each option of the table (flag over config over fallback; see
 * settle-options.ts), the plan loaded, the run folder made.
 */
export interface ResolvedRun extends SettledTable {
  pr: string;
  planDir: string;
  planFile: string;
  codeDir: string;
  goal: string;
  plan: Plan;
  layout: RunLayout;
  runId: string;
  /** --handshake, else results-json in a compact run and done-file otherwise (as the kit). */
  handshake: Handshake;
  /** orchestrator.toml as loaded (agents are resolved from it), and where it was. */
  config: OrchestratorConfig;
  configFile: string | undefined;
  /** Tasks at once, at least 1. */
  concurrency: number;
  /** Tasks to start at most: --max-tasks, else 1 (the kit's default) unless --concurrency or --auto-verify ask for more. */
  maxTasks: number;
  notes: string[];
  /** Sends task_blocked, task_paused, run_finished and budget_80 to the --notify targets; never fails the run. */
  notifier: Notifier;
  /** Set by what holds launches for its own reason (the run budget, a pause), for "why the run stopped". */
  halted?: StopReason;
  /**
   * How this run changes a task in plan.json: one write per change in a local run; batched on workers,
   * where the coordinator claims, places and records every task and is the plan's only writer.
   */
  writeTask: TaskWriter;
  /** How this run changes its meta.json, batched as `writeTask` is. */
  patchMeta: MetaWriter;
}

/**
 * Settles the options (flags, then orchestrator.toml, then the kit's defaults) that preflight checked,
 * sets up git as asked, writes the one-task starter plan from the goal when there is no plan, and
 * prepares the run folder and meta.json: the first writes of a run.
 */
export async function prepareRun(options: OrchestrateOptions, checked: CheckedRun): Promise<ResolvedRun> {
  const { config, configFile, planDir, codeDir, planFile, pr, runRoot } = checked;
  const table = settleOptions(options, config);
  const notes = await setUpGit({ codeDir, pr, ensureGit: table.ensureGit, baselineCommit: table.baselineCommit, gitignoreRuns: table.gitignoreRuns, gitBranch: table.gitBranch, env: options.env });
  const plan = checked.plan ?? (await writeStarterPlan(planFile, options.goal ?? ''));
  const handshake = table.handshake ?? (table.compactRun ? 'results-json' : 'done-file');
  const layout = await prepareRunDir({ runsRoot: prRunsRoot({ planDir, runRoot, pr }), runDir: checked.runDir, reuse: table.reuseRun, compact: table.compactRun, handshake });
  // Paths as preflight resolved them; counts at least what they can be.
  const settled = { ...table, planDir, codeDir, planFile, runRoot, handshake, concurrency: Math.max(1, table.concurrency), retries: Math.max(0, table.retries) };
  const maxTasks = options.maxTasks ?? (settled.concurrency > 1 || settled.autoVerify ? Number.POSITIVE_INFINITY : 1);
  const runId = newInvocationRunId();
  const goal = plan.goal || options.goal || '';
  if (!table.compactRun) await writePlanSnapshot(layout, plan, { plan_dir: planDir, code_dir: codeDir, run_dir: layout.runDir });
  const now = new Date().toISOString();
  const earlier = await readMeta(layout.runDir).catch(() => undefined);
  await writeMeta(layout, {
    // A reused run folder keeps the ids of its earlier invocations, so their results stay verifiable.
    invocations: [...invocationsOf(earlier), runId],
    run_dir: layout.runDir,
    invocation_run_id: runId,
    created_at: now,
    updated_at: now,
    status: 'running',
    prompt_preview: preview(goal),
    args: kitArgs(options, settled),
    current_task_id: null,
  });
  const notifier = runNotifier(options, { notify: settled.notify, pr, runDir: layout.runDir, codeDir });
  const writers = runWriters(planFile, layout, { batch: checked.executor !== undefined });
  return { ...settled, pr, goal, plan, layout, runId, notes, config, configFile, maxTasks: Math.max(1, maxTasks), notifier, ...writers };
}

function invocationsOf(meta: Meta | undefined): string[] {
  if (!meta) return [];
  const listed = Array.isArray(meta.invocations) ? (meta.invocations as unknown[]).filter((id): id is string => typeof id === 'string') : [];
  return listed.includes(meta.invocation_run_id) ? listed : [...listed, meta.invocation_run_id];
}

/** The kit's starter plan, for a PR without plan.json (preflight made sure a goal was given). */
async function writeStarterPlan(planFile: string, goal: string): Promise<Plan> {
  const plan = defaultPlan(goal.trim());
  await mkdir(dirname(planFile), { recursive: true });
  await writeFileAtomic(planFile, stringifyJson(plan));
  return plan;
}

function preview(text: string, max = 120): string {
  const flat = text.split(/\s+/).join(' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
