import type { Plan } from '@planwright/plan-schema';

/** Tasks not yet done at a moment. */
export interface BurnDownPoint {
  at: number;
  remaining: number;
}

/**
 * The burn-down of a plan from its own timestamps: every task remains until its `verified_at` (the moment
 * it became `done`); the line starts at the plan's creation (or its first delegation) and ends now.
 */
export function burnDown(plan: Plan, now = Date.now()): BurnDownPoint[] {
  const doneAt = plan.tasks
    .filter((task) => task.status === 'done')
    .map((task) => Date.parse(task.verified_at ?? task.agent_done_at ?? '') || now)
    .sort((a, b) => a - b);
  const starts = [Date.parse(plan.created_at ?? ''), ...plan.tasks.map((task) => Date.parse(task.delegated_at ?? ''))].filter(Number.isFinite);
  const first = Math.min(now, ...starts, ...doneAt);
  const points: BurnDownPoint[] = [{ at: first, remaining: plan.tasks.length }];
  doneAt.forEach((at, index) => points.push({ at, remaining: plan.tasks.length - index - 1 }));
  points.push({ at: Math.max(now, points.at(-1)!.at), remaining: plan.tasks.length - doneAt.length });
  return points;
}
