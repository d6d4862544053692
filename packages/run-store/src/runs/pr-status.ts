import { resolve } from 'node:path';
import { loadPlan, resolvePlanFile, summarizePlan, type PlanLocation, type PlanSummary } from '@planwright/plan-schema';
import { prRunsRoot } from '../layout/run-layout.js';
import { budgetStatus, type BudgetStatus } from './budget-status.js';
import { listRuns, type RunSummary } from './list-runs.js';

export interface PrStatusOptions extends PlanLocation {
  /** Where the runs are: `<runRoot>/<PR>/` (default `<plan dir>/runs`). */
  runRoot?: string;
}

/** The document of `planwright status --json` (and of the MCP `status` tool). */
export interface PrStatus extends PlanSummary {
  plan: string;
  runs_root: string;
  latest_run: RunSummary | null;
  /** Spend against budget: the latest run's and each task's that has one (`{ run: null, tasks: [] }` without). */
  budget: BudgetStatus;
}

/** The run statuses that mean an orchestrator may still be working. */
export const ACTIVE_RUN_STATUSES = new Set(['running', 'task_preparing', 'agent_running', 'waiting_for_results', 'running_background']);

/**
 * A PR at a glance: the plan's summary (counts, runnable, blocked with reasons, per-task agent, time and
 * tokens, totals), its latest run (status, when, which tasks) and spend against budget. Here rather than in the app, so the
 * CLI's `status` and the MCP server's `status` tool answer with one document.
 *
 * @example
 * const status = await prStatus({ repo: '.', pr: 'pr-42' });
 */
export async function prStatus(options: PrStatusOptions): Promise<PrStatus> {
  const cwd = options.cwd ?? process.cwd();
  const located = resolvePlanFile({ ...options, cwd });
  const plan = await loadPlan(located.file, { label: located.label });
  const runsRoot = prRunsRoot({ planDir: located.planDir, runRoot: options.runRoot ? resolve(cwd, options.runRoot) : undefined, pr: located.pr });
  const [latest] = await listRuns({ runsRoot });
  const budget = await budgetStatus(plan, latest?.run_dir);
  return { plan: located.label, ...summarizePlan(plan), runs_root: runsRoot, latest_run: latest ?? null, budget };
}
