import { formatCounts, loadPlan, summarizePlan, type PlanSummary } from '@planwright/plan-schema';
import type { Heartbeat } from '@planwright/plan-schema';
import { listRuns, readHeartbeat, type RunSummary } from '@planwright/run-store';
import { burnDown, type BurnDownPoint } from './burn-down.js';
import { boardPaths, type BoardLocation } from './locate.js';
import { listPrs, type PrEntry } from './prs.js';
import { timelineBars, type TimelineBar } from './timeline.js';

export interface BoardStateOptions extends BoardLocation {
  /** Whether the page may show the control buttons (`--allow-control`). */
  allowControl?: boolean;
  now?: number;
}

/** Everything the page draws, in one JSON document (the `state` event of the feed). */
export interface BoardState {
  pr: string;
  plan: string;
  generated_at: string;
  allow_control: boolean;
  /** `planwright status --json`'s view of the plan: counts, runnable, blocked with reasons, per-task rows, totals. */
  summary: PlanSummary;
  /** This PR's runs, newest first. */
  runs: RunSummary[];
  /** The newest run's control/heartbeat.json (what it waits for, the agent's last event), if any. */
  heartbeat: Heartbeat | null;
  timeline: TimelineBar[];
  burn_down: BurnDownPoint[];
  prs: PrEntry[];
}

/**
 * The board's state of a PR, read from the same files and with the same library functions as
 * `planwright status --json` (summarizePlan, listRuns), plus the timeline, burn-down and the repo's PRs.
 *
 * @example
 * const state = await boardState({ repo: '.', pr: 'pr-42' });
 * state.summary.counts.done;
 */
export async function boardState(options: BoardStateOptions): Promise<BoardState> {
  const paths = boardPaths(options);
  const now = options.now ?? Date.now();
  const [plan, runs] = await Promise.all([loadPlan(paths.planFile, { label: paths.label }), listRuns({ runsRoot: paths.runsRoot })]);
  const summary = summarizePlan(plan);
  const known = new Map([[paths.pr, { counts: formatCounts(summary), runs }]]);
  const [timeline, prs, heartbeat] = await Promise.all([
    timelineBars({ runs, now }),
    listPrs({ plansDir: paths.plansDir, runRoot: paths.runRoot, known }),
    runs[0] ? readHeartbeat(runs[0].run_dir).catch(() => undefined) : undefined,
  ]);
  return {
    pr: paths.pr,
    plan: paths.label,
    generated_at: new Date(now).toISOString(),
    allow_control: options.allowControl ?? false,
    summary,
    runs,
    heartbeat: heartbeat ?? null,
    timeline,
    burn_down: burnDown(plan, now),
    prs,
  };
}
