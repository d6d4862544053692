import { statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { loadPlan, runnableTasks, type Plan, type Task } from '@planwright/plan-schema';
import { prRunsRoot, syncPlan } from '@planwright/run-store';
import type { AgentAdapter } from '../adapters/adapter.js';
import { knownAgents } from '../adapters/registry.js';
import { expandPath } from '../config/expand-path.js';
import { loadOrchestratorConfig, type OrchestratorConfig } from '../config/orchestrator-config.js';
import { checkFlags } from './check-flags.js';
import { defaultPlan } from './default-plan.js';
import { locateAgent } from './locate-agent.js';
import type { OrchestrateOptions } from './options.js';
import { checkExecutor, type CheckedExecutor } from './remote/check-executor.js';

/** What preflight checked and settled, for prepareRun to use without reading anything twice. */
export interface CheckedRun {
  pr: string;
  planDir: string;
  codeDir: string;
  planFile: string;
  /** The plan as read; undefined when it is to be written from the goal. */
  plan: Plan | undefined;
  runRoot: string | undefined;
  runDir: string | undefined;
  config: OrchestratorConfig;
  configFile: string | undefined;
  /** To tell the user once (on stderr in the CLIs). */
  notes: string[];
  /** With --executor: the tasks run on workers. */
  executor?: CheckedExecutor;
}

/**
 * Every check that needs no write, run before plan.json, a run folder, meta.json or the repository is
 * touched: the numbers and flag combinations, orchestrator.toml, the folders, the plan, `--task-id`, the
 * agent names and their programs. A setup mistake is a UsageError (exit 2) that leaves everything as it
 * was: no task blocked, no `last_sync_at`, no run folder.
 *
 * @example
 * const checked = await preflight({ planDir: '.plans/pr-42', codeDir: '.' });
 */
export async function preflight(options: OrchestrateOptions, adapter?: AgentAdapter): Promise<CheckedRun> {
  checkFlags(options);
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const { config, file: configFile, notes } = await loadOrchestratorConfig(env);
  const planDir = resolve(cwd, options.planDir);
  const codeDir = resolve(cwd, options.codeDir);
  const planFile = options.planFile ? resolve(cwd, options.planFile) : join(planDir, 'plan.json');
  folder('--code-dir', codeDir, { mustExist: true, hint: 'pass the repository to change' });
  folder('--plan-dir', planDir, { mustExist: false, hint: 'pass the folder of the plan, .plans/<PR>' });
  const runRootGiven = options.runRoot ?? config.run_root;
  const runRoot = runRootGiven === undefined ? undefined : resolve(cwd, expandPath(runRootGiven, env));
  if (runRoot) folder(options.runRoot ? '--run-root' : `${configFile}: run_root`, runRoot, { mustExist: false, hint: 'pass a folder for the run folders' });
  const runDir = options.runDir ? resolve(cwd, options.runDir) : undefined;
  if (runDir) await checkRunDir(runDir);
  const plan = await readPlan(planFile, options.goal);
  const tasks = (plan ?? defaultPlan(options.goal ?? '')).tasks;
  const only = options.taskId ? checkTaskId(options.taskId, tasks, planFile) : undefined;
  if (only?.status === 'in_progress' && plan) {
    const runsRoot = runDir ? dirname(runDir) : prRunsRoot({ planDir, runRoot, pr: basename(planDir) });
    await checkInProgress(only, { planFile, runsRoot, pr: basename(planDir), syncPlan: options.syncPlan !== false });
  }
  const executor = await checkExecutor({ options, config, configFile, codeDir, env });
  // On workers, the agents' programs are the workers' to have; their names must still be known.
  if (!adapter) checkAgents({ options, config, configFile, codeDir, env, planFile, tasks, only, locate: !executor });
  return { pr: basename(planDir), planDir, codeDir, planFile, plan, runRoot, runDir, config, configFile, notes, executor };
}

function folder(flag: string, path: string, { mustExist, hint }: { mustExist: boolean; hint: string }): void {
  // A path through a file (ENOTDIR) or an unreadable one is left to the write that needs it, which names
  // the error as the run-store does.
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch {
    if (mustExist) throw new UsageError(`${flag} ${path}: no such folder`, { hint });
    return;
  }
  if (!stat && mustExist) throw new UsageError(`${flag} ${path}: no such folder`, { hint });
  if (stat && !stat.isDirectory()) throw new UsageError(`${flag} ${path}: not a folder`, { hint });
}

/** --run-dir takes a new or empty folder, or a run folder (it has a meta.json): never a home or a repo root. */
async function checkRunDir(runDir: string): Promise<void> {
  folder('--run-dir', runDir, { mustExist: false, hint: 'pass an empty folder or an existing run folder' });
  const entries = await readdir(runDir).catch(() => [] as string[]);
  if (entries.length > 0 && !entries.includes('meta.json')) {
    throw new UsageError(`--run-dir ${runDir}: not empty and not a run folder (no meta.json)`, { hint: 'pass an empty folder or an existing run folder, or leave --run-dir out' });
  }
}

async function readPlan(planFile: string, goal: string | undefined): Promise<Plan | undefined> {
  const stat = statSync(planFile, { throwIfNoEntry: false });
  if (stat) return loadPlan(planFile);
  if (!goal?.trim()) throw new UsageError(`${planFile}: no plan yet and no goal given`, { hint: 'pass the goal after --: codex-orchestrate ... -- "your goal here"' });
  return undefined;
}

/** `--task-id` names a task of the plan that may run (an `in_progress` one: see checkInProgress). */
function checkTaskId(taskId: string, tasks: Task[], planFile: string): Task {
  const task = tasks.find((candidate) => candidate.id === taskId);
  if (!task) throw new UsageError(`--task-id ${taskId}: not found in ${planFile}`, { hint: `tasks: ${tasks.slice(0, 8).map((t) => t.id).join(', ')}` });
  if (task.status === 'done' || task.status === 'deferred') {
    throw new UsageError(`--task-id ${task.id}: the task is ${task.status}`, { hint: 'set its status back to pending in plan.json to run it again' });
  }
  return task;
}

/**
 * `--task-id` of a task left `in_progress`: runnable only when the start's reconcile will settle it (its
 * agent gone: results applied, or blocked as interrupted). Asked now, as a dry run, so that a task whose
 * agent may still be at work is refused before the run folder exists.
 */
async function checkInProgress(task: Task, context: { planFile: string; runsRoot: string; pr: string; syncPlan: boolean }): Promise<void> {
  const report = context.syncPlan ? await syncPlan({ pr: context.pr, plan: context.planFile, runsRoot: context.runsRoot, dryRun: true }) : undefined;
  if (report?.changes.some((change) => change.task_id === task.id)) return;
  throw new UsageError(`--task-id ${task.id}: the task is in_progress`, { hint: 'its agent may still be running: see "run-store doctor"' });
}

interface AgentCheck {
  options: OrchestrateOptions;
  config: OrchestratorConfig;
  configFile: string | undefined;
  codeDir: string;
  env: NodeJS.ProcessEnv;
  planFile: string;
  tasks: Task[];
  only: Task | undefined;
  locate: boolean;
}

/**
 * Every agent name (`--agent`, the config's `agent`, each unfinished task's `agent`) is known, and the
 * program of every agent that may run now is there: the tasks runnable now (with --auto-verify, every
 * pending one, since verified tasks unlock their dependents), or the --task-id task.
 */
function checkAgents({ options, config, configFile, codeDir, env, planFile, tasks, only, locate }: AgentCheck): void {
  const fallback = options.agent ?? config.agent ?? 'codex';
  const known = new Set(knownAgents(config));
  const where = configFile ?? 'orchestrator.toml';
  const list = `known agents: ${[...known].join(', ')}`;
  if (!known.has(fallback)) throw new UsageError(`${options.agent ? '--agent' : `${where}: agent`} ${JSON.stringify(fallback)}: unknown agent`, { hint: list });
  for (const task of tasks) {
    if (task.agent && !known.has(task.agent) && task.status !== 'done' && task.status !== 'deferred') {
      throw new UsageError(`${planFile}: ${task.id}.agent ${JSON.stringify(task.agent)}: unknown agent`, { hint: `${list} (custom agents are [agents.<name>] tables in ${where})` });
    }
  }
  if (!locate) return;
  const toRun = only ? [only] : options.autoVerify ? tasks.filter((task) => (task.status ?? 'pending') === 'pending') : runnableTasks({ tasks });
  for (const name of new Set(toRun.map((task) => task.agent ?? fallback))) locateAgent(name, config, { env, codeDir, configFile });
}
