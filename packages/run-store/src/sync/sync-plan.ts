import { join, resolve } from 'node:path';
import { loadPlan, resolvePlanFile, taskStatus, timestamp, updatePlan, type Task } from '@planwright/plan-schema';
import { runDirNames } from '../layout/run-dirs.js';
import { prRunsRoot } from '../layout/run-layout.js';
import { mapLimit } from '../map-limit.js';
import { checkRunRoot } from '../runs/locate-runs.js';
import { taskAgentState, type AgentState } from './agent-state.js';
import { collectNewestResults, type ResultsCandidate } from './collect-results.js';
import { applySync, decideSync, type SyncChange } from './decide.js';

export interface SyncPlanOptions {
  /** Repository root (default `.`). */
  repo?: string;
  pr?: string;
  /** A plan file instead of --repo/--pr. */
  plan?: string;
  /** The kit's --run-root: runs in `<runRoot>/<PR>/` (default `<plan dir>/runs`). */
  runRoot?: string;
  /**
   * The exact folder of this PR's runs, when the caller knows it (the orchestrator does: its plan file
   * may live outside the plan dir, as the research plan does). Wins over runRoot.
   */
  runsRoot?: string;
  /** Report the changes, write nothing. */
  dryRun?: boolean;
  /**
   * Tasks to leave as they are: an `in_progress` task whose job a worker still runs (`run --executor`)
   * has no agent on this machine, yet is not interrupted.
   */
  leaveAlone?: readonly string[];
  cwd?: string;
}

export interface SyncReport {
  plan_file: string;
  runs_root: string;
  runs_scanned: number;
  dry_run: boolean;
  /** False when nothing was written (a dry run). */
  written: boolean;
  last_sync_at: string | null;
  changes: SyncChange[];
  /** in_progress tasks without results that something still works on. */
  left_alone: { task_id: string; who: 'agent' | 'orchestrator'; pid: number }[];
}

/**
 * Brings plan.json up to date with the runs (the kit's sync_plan.py): the newest results of each task
 * across runs make it `agent_done`, or `blocked` for partial/failed/timeout/blocked results; an
 * in_progress task whose agent and orchestrator are gone and that has no results becomes `blocked`
 * (`interrupted`). Never sets `done`, never touches done or deferred tasks. Writes through updatePlan
 * (locked) and sets `orchestrator.last_sync_at`.
 *
 * @example
 * const { changes } = await syncPlan({ repo: '.', pr: 'pr-42' });
 */
export async function syncPlan(options: SyncPlanOptions): Promise<SyncReport> {
  const cwd = options.cwd ?? process.cwd();
  const located = resolvePlanFile({ repo: options.repo, pr: options.pr, plan: options.plan, cwd });
  const runRoot = options.runRoot && !options.runsRoot ? checkRunRoot(resolve(cwd, options.runRoot)) : undefined;
  const plan = await loadPlan(located.file, { label: located.label });
  const runsRoot = options.runsRoot ? resolve(cwd, options.runsRoot) : prRunsRoot({ planDir: located.planDir, runRoot, pr: located.pr });

  // Everything slow happens before the plan is locked: other tools wait on that lock.
  const leaveAlone = new Set(options.leaveAlone ?? []);
  const open = plan.tasks.filter((task) => !['done', 'deferred'].includes(taskStatus(task)) && !leaveAlone.has(task.id));
  const runDirs = (await runDirNames(runsRoot)).map((name) => join(runsRoot, name));
  const scanned = new Set(runDirs);
  for (const task of open) {
    const dir = task.run_dir ? resolve(located.planDir, task.run_dir) : undefined;
    if (dir && !scanned.has(dir)) scanned.add(dir);
  }
  const candidates = await collectNewestResults([...scanned], new Set(open.map((task) => task.id)));
  const agents = new Map<string, AgentState>();
  const unresolved = open.filter((task) => taskStatus(task) === 'in_progress' && !decideSync(task, candidates.get(task.id), undefined));
  await mapLimit(unresolved, 8, async (task) => agents.set(task.id, await taskAgentState(task, located.planDir)));

  const at = new Date();
  const report: SyncReport = {
    plan_file: located.file,
    runs_root: runsRoot,
    runs_scanned: scanned.size,
    dry_run: Boolean(options.dryRun),
    written: false,
    last_sync_at: null,
    changes: [],
    left_alone: unresolved.flatMap((task) => {
      const state = agents.get(task.id);
      return state?.state === 'alive' ? [{ task_id: task.id, who: state.who, pid: state.pid }] : [];
    }),
  };
  if (options.dryRun) {
    report.changes = decideAll(plan.tasks.filter((task) => !leaveAlone.has(task.id)), candidates, agents, undefined);
    return report;
  }
  const update = await updatePlan(
    located.file,
    (fresh) => {
      const changes = decideAll(fresh.tasks.filter((task) => !leaveAlone.has(task.id)), candidates, agents, at);
      fresh.orchestrator = { ...fresh.orchestrator, last_sync_at: timestamp(at) };
      return changes;
    },
    { label: located.label },
  );
  return { ...report, changes: update.result, written: update.written, last_sync_at: timestamp(at) };
}

/** Decides (and with `at`, applies) every task's change, on the plan as it is under the lock. */
function decideAll(
  tasks: Task[],
  candidates: Map<string, ResultsCandidate>,
  agents: Map<string, AgentState>,
  at: Date | undefined,
): SyncChange[] {
  const changes: SyncChange[] = [];
  for (const task of tasks) {
    // A task that became in_progress after the scan has no liveness check: it is left for the next sync.
    const change = decideSync(task, candidates.get(task.id), agents.get(task.id));
    if (!change) continue;
    if (at) applySync(task, change, at);
    changes.push(change);
  }
  return changes;
}
