import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringifyJson, writeFileAtomic, type Plan } from '@planwright/plan-schema';
import type { Meta } from '@planwright/plan-schema';
import { newInvocationRunId, prepareRunDir, prRunsRoot, readMeta, writeMeta, writePlanSnapshot, type RunLayout } from '@planwright/run-store';
import type { ApprovalPolicy, SandboxMode } from '../adapters/access.js';
import type { OrchestratorConfig } from '../config/orchestrator-config.js';
import { defaultPlan } from './default-plan.js';
import { setUpGit } from './git-setup.js';
import type { Handshake, OrchestrateOptions } from './options.js';
import type { CheckedRun } from './preflight.js';

/** Everything a run needs, settled: flags over config over defaults, the plan loaded, the run folder made. */
export interface ResolvedRun {
  pr: string;
  planDir: string;
  planFile: string;
  codeDir: string;
  goal: string;
  plan: Plan;
  layout: RunLayout;
  runId: string;
  handshake: Handshake;
  timeoutMinutes: number;
  graceSeconds: number;
  resultsGraceSeconds: number;
  heartbeatSeconds: number;
  sandbox: SandboxMode;
  approval: ApprovalPolicy;
  model?: string;
  runRoot?: string;
  /** orchestrator.toml as loaded (agents are resolved from it), and where it was. */
  config: OrchestratorConfig;
  configFile: string | undefined;
  concurrency: number;
  /** Tasks to start at most: --max-tasks, else 1 (the kit's default) unless --concurrency or --auto-verify ask for more. */
  maxTasks: number;
  autoVerify: boolean;
  retries: number;
  /** Reminder turns for an agent that ends without valid results (flag, else orchestrator.toml, else 1). */
  handshakeReminders: number;
  verifyTimeoutMinutes: number;
  commit: boolean;
  worktrees: boolean;
  stallMinutes: number;
  /** Write the tasks' outcomes into plan.json (the kit's --sync-plan, default on). */
  syncPlan: boolean;
  /** Show the agent's output lines (flag, else orchestrator.toml's stream_agent_output). */
  streamAgentOutput: boolean;
  notes: string[];
}

/**
 * Settles the options (flags, then orchestrator.toml, then the kit's defaults) that preflight checked,
 * sets up git as asked, writes the one-task starter plan from the goal when there is no plan, and
 * prepares the run folder and meta.json: the first writes of a run.
 */
export async function prepareRun(options: OrchestrateOptions, checked: CheckedRun): Promise<ResolvedRun> {
  const { config, configFile, planDir, codeDir, planFile, pr, runRoot } = checked;
  const flag = <T>(value: T | undefined, fromConfig: T | undefined, fallback: T): T => value ?? fromConfig ?? fallback;
  const compact = flag(options.compactRun, config.compact_run, false);
  const notes = await setUpGit({
    codeDir,
    pr,
    ensureGit: flag(options.ensureGit, config.ensure_git, false),
    baselineCommit: flag(options.baselineCommit, config.baseline_commit, false),
    gitignoreRuns: flag(options.gitignoreRuns, config.gitignore_runs, true),
    gitBranch: options.gitBranch ?? config.git_branch,
    env: options.env,
  });
  const plan = checked.plan ?? (await writeStarterPlan(planFile, options.goal ?? ''));
  const handshake = options.handshake ?? (compact ? 'results-json' : 'done-file');
  const layout = await prepareRunDir({
    runsRoot: prRunsRoot({ planDir, runRoot, pr }),
    runDir: checked.runDir,
    reuse: flag(options.reuseRun, config.reuse_run, false),
    compact,
    handshake,
  });
  const settled = {
    timeoutMinutes: flag(options.timeoutMinutes, config.timeout_minutes, 0),
    graceSeconds: flag(options.timeoutGraceSeconds, config.timeout_grace_seconds, 4),
    resultsGraceSeconds: flag(options.resultsGraceSeconds, config.results_grace_seconds, 15),
    heartbeatSeconds: flag(options.heartbeatIntervalSeconds, config.heartbeat_interval_seconds, 30),
    sandbox: flag(options.sandbox, config.sandbox as SandboxMode | undefined, 'workspace-write'),
    approval: flag(options.approval, config.approval as ApprovalPolicy | undefined, 'never'),
    model: options.model ?? config.model,
    concurrency: Math.max(1, options.concurrency ?? 1),
    autoVerify: options.autoVerify ?? false,
    retries: Math.max(0, options.retries ?? 0),
    handshakeReminders: flag(options.handshakeReminders, config.handshake_reminders, 1),
    verifyTimeoutMinutes: options.verifyTimeoutMinutes ?? 10,
    commit: options.commit ?? false,
    worktrees: options.worktrees ?? false,
    stallMinutes: options.stallMinutes ?? 0,
    syncPlan: options.syncPlan ?? true,
    streamAgentOutput: flag(options.streamAgentOutput, config.stream_agent_output, false),
  };
  const maxTasks = options.maxTasks ?? (settled.concurrency > 1 || settled.autoVerify ? Number.POSITIVE_INFINITY : 1);
  const runId = newInvocationRunId();
  const goal = plan.goal || options.goal || '';
  if (!compact) await writePlanSnapshot(layout, plan, { plan_dir: planDir, code_dir: codeDir, run_dir: layout.runDir });
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
    args: kitArgs(options, { planDir, codeDir, planFile, runRoot, compact, handshake, config, ...settled }),
    current_task_id: null,
  });
  return { pr, planDir, planFile, codeDir, goal, plan, layout, runId, handshake, runRoot, notes, config, configFile, maxTasks: Math.max(1, maxTasks), ...settled };
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

/** The parsed flags as the Python kit stored them in meta.json (`args`), for doctor's rerun command. */
function kitArgs(options: OrchestrateOptions, settled: Record<string, unknown> & { config: OrchestratorConfig }) {
  const { config: _config, ...rest } = settled;
  return {
    plan_dir: rest.planDir,
    code_dir: rest.codeDir,
    plan_file: rest.planFile,
    run_root: rest.runRoot ?? null,
    run_dir: options.runDir ?? null,
    compact_run: rest.compact,
    handshake: rest.handshake,
    max_tasks: options.maxTasks ?? null,
    concurrency: rest.concurrency,
    auto_verify: rest.autoVerify,
    retries: rest.retries,
    handshake_reminders: rest.handshakeReminders,
    commit: rest.commit,
    worktrees: rest.worktrees,
    stall_minutes: rest.stallMinutes,
    sync_plan: rest.syncPlan,
    task_id: options.taskId ?? null,
    no_wait: options.noWait ?? false,
    reuse_run: options.reuseRun ?? false,
    ensure_git: options.ensureGit ?? false,
    baseline_commit: options.baselineCommit ?? false,
    git_branch: options.gitBranch ?? null,
    stream_agent_output: rest.streamAgentOutput,
    interactive_code: options.interactiveCode ?? false,
    timeout_minutes: rest.timeoutMinutes,
    timeout_grace_seconds: rest.graceSeconds,
    heartbeat_interval_seconds: rest.heartbeatSeconds,
    sandbox: rest.sandbox,
    approval: rest.approval,
    model: rest.model ?? null,
    agent: options.agent ?? settled.config.agent ?? null,
    goal: options.goal ? [options.goal] : [],
  };
}

function preview(text: string, max = 120): string {
  const flat = text.split(/\s+/).join(' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
