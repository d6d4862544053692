import { join, resolve } from 'node:path';
import { loadPlan, renderStatus, resolvePlanFile, summarizePlan, type PlanLocation, type PlanSummary } from '@planwright/plan-schema';
import { listRuns, prRunsRoot, type RunSummary } from '@planwright/run-store';

export interface PrStatusOptions extends PlanLocation {
  /** Where the runs are: `<runRoot>/<PR>/` (default `<plan dir>/runs`). */
  runRoot?: string;
}

export interface PrStatus extends PlanSummary {
  plan: string;
  runs_root: string;
  latest_run: RunSummary | null;
}

/** The run statuses that mean an orchestrator may still be working. */
export const ACTIVE_RUN_STATUSES = new Set(['running', 'task_preparing', 'agent_running', 'waiting_for_results', 'running_background']);

/**
 * A PR at a glance: the plan's summary (counts, runnable, blocked with reasons, per-task agent, time and
 * tokens, totals) and its latest run (status, when, which tasks).
 *
 * @example
 * const status = await prStatus({ repo: '.', pr: 'pr-42' });
 */
export async function prStatus(options: PrStatusOptions): Promise<PrStatus> {
  const cwd = options.cwd ?? process.cwd();
  const located = resolvePlanFile({ ...options, cwd });
  const summary = summarizePlan(await loadPlan(located.file, { label: located.label }));
  const runsRoot = prRunsRoot({ planDir: located.planDir, runRoot: options.runRoot ? resolve(cwd, options.runRoot) : undefined, pr: located.pr });
  const [latest] = await listRuns({ runsRoot });
  return { plan: located.label, ...summary, runs_root: runsRoot, latest_run: latest ?? null };
}

/** The status table, then a line on the latest run. */
export function renderPrStatus(status: PrStatus): string {
  const run = status.latest_run;
  const runLine = run
    ? `latest run: ${run.name} ${run.status}${run.updated_at ? ` (updated ${run.updated_at})` : ''}${run.tasks.length ? `, tasks ${run.tasks.join(', ')}` : ''} · ${join(run.run_dir)}`
    : `latest run: none in ${status.runs_root}`;
  return `${renderStatus(status)}\n${runLine}`;
}
