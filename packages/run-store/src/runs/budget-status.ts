import { tokensOf, type Budget, type Plan } from '@planwright/plan-schema';
import { readMeta } from '../files/meta.js';

/** A budget's limits, as a run's meta.json records them (0: no limit of that kind). */
export type BudgetLimits = { tokens?: number; usd?: number; minutes?: number };
/** What was spent against them. `usd` is null when the agent reported no cost. */
export type BudgetSpent = { tokens: number; usd?: number | null; minutes: number };

/** Spend against budget: the latest run's, and each task's that has its own. Part of `status`. */
export interface BudgetStatus {
  /** The latest run's budget as its meta.json recorded it; null when it ran without one. */
  run: { limits: BudgetLimits; spent: BudgetSpent; held_by: string | null } | null;
  tasks: { id: string; budget: Budget; spent: BudgetSpent }[];
}

/**
 * What a run budget spent, from the latest run's meta.json (`budget`, written by the orchestrator), and
 * each task's spend from the plan (its usage and duration). Dollars are what the agent reported; the
 * orchestrator's price table applies to the run's record only.
 *
 * @example
 * const { run, tasks } = await budgetStatus(plan, latestRunDir);
 */
export async function budgetStatus(plan: Plan, latestRunDir: string | undefined): Promise<BudgetStatus> {
  const meta = latestRunDir ? await readMeta(latestRunDir).catch(() => null) : null;
  const recorded = (meta as { budget?: BudgetStatus['run'] } | null)?.budget;
  const tasks = plan.tasks.flatMap((task) => {
    if (!task.budget || Object.keys(task.budget).length === 0) return [];
    const spent = { tokens: tokensOf(task.usage), usd: task.usage?.cost_usd ?? null, minutes: (task.duration_ms ?? 0) / 60_000 };
    return [{ id: task.id, budget: task.budget, spent }];
  });
  return { run: recorded && typeof recorded === 'object' && recorded.limits ? recorded : null, tasks };
}
