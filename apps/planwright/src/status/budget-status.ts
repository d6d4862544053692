import { countText } from '@planwright/cli-kit';
import { loadPlan, resolvePlanFile, type Budget, type PlanLocation } from '@planwright/plan-schema';
import { readMeta } from '@planwright/run-store';

type Limits = { tokens?: number; usd?: number; minutes?: number };
type Spent = { tokens: number; usd?: number | null; minutes: number };

/** Spend against budget, for `planwright status`: the latest run's and each task's that has its own. */
export interface BudgetStatus {
  /** The latest run's budget as its meta.json recorded it; null when it ran without one. */
  run: { limits: Limits; spent: Spent; held_by: string | null } | null;
  tasks: { id: string; budget: Budget; spent: Spent }[];
}

/**
 * Reads what a run budget spent from the latest run's meta.json (`budget`, written by the orchestrator)
 * and each task's spend from plan.json (its usage and duration). Dollars are what the agent reported;
 * the orchestrator's price table applies to the run's record only.
 */
export async function budgetStatus(options: PlanLocation & { cwd?: string; latestRunDir?: string }): Promise<BudgetStatus> {
  const located = resolvePlanFile({ ...options, cwd: options.cwd ?? process.cwd() });
  const plan = await loadPlan(located.file, { label: located.label });
  const meta = options.latestRunDir ? await readMeta(options.latestRunDir).catch(() => null) : null;
  const recorded = (meta as { budget?: BudgetStatus['run'] } | null)?.budget;
  const tasks = plan.tasks.flatMap((task) => {
    if (!task.budget || Object.keys(task.budget).length === 0) return [];
    const usage = task.usage ?? {};
    const spent = { tokens: (usage.input_tokens ?? 0) + (usage.output_tokens ?? 0), usd: usage.cost_usd ?? null, minutes: (task.duration_ms ?? 0) / 60_000 };
    return [{ id: task.id, budget: task.budget, spent }];
  });
  return { run: recorded && typeof recorded === 'object' && recorded.limits ? recorded : null, tasks };
}

/** `budget: 3,000 of 3,700 tokens, $0.12 of $1.00 (held: ...)` and one line per task with a budget; '' when none. */
export function renderBudgetStatus(status: BudgetStatus): string {
  const lines: string[] = [];
  if (status.run) lines.push(`run budget: ${against(status.run.limits, status.run.spent)}${status.run.held_by ? ` · launches held (${status.run.held_by})` : ''}`);
  for (const task of status.tasks) lines.push(`budget ${task.id}: ${against(task.budget, task.spent)}`);
  return lines.join('\n');
}

function against(limits: Limits, spent: Spent): string {
  const parts: string[] = [];
  if (limits.tokens) parts.push(`${countText(spent.tokens)} of ${countText(limits.tokens)} tokens`);
  if (limits.usd) parts.push(`${typeof spent.usd === 'number' ? `$${spent.usd.toFixed(2)}` : '$? (no cost reported)'} of $${limits.usd.toFixed(2)}`);
  if (limits.minutes) parts.push(`${Math.round(spent.minutes * 10) / 10} of ${limits.minutes} min`);
  return parts.join(', ');
}
