import { join } from 'node:path';
import { loadPlan } from '@planwright/plan-schema';

/** A task waiting out a usage limit, as plan.json records it. */
export interface PausedState {
  until: string | null;
  reason: string | null;
}

/**
 * The pause of a task, when plan.json says it is `paused`: doctor shows it, since a paused task has no
 * live agent on purpose and needs no kill or rerun (the next orchestrator start resumes its session).
 * Null for any other status, or when the plan cannot be read (doctor reports on the run regardless).
 */
export async function pausedState(planDir: string | undefined, taskId: string): Promise<PausedState | null> {
  if (!planDir) return null;
  const plan = await loadPlan(join(planDir, 'plan.json')).catch(() => undefined);
  const task = plan?.tasks.find((entry) => entry.id === taskId);
  return task?.status === 'paused' ? { until: task.paused_until ?? null, reason: task.paused_reason ?? null } : null;
}
