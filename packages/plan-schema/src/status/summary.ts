import { criticalPath, runnableTasks, taskStatus } from '../graph/queries.js';
import type { Plan } from '../schemas/plan.js';
import { TASK_STATUSES, type TaskStatus } from '../schemas/task.js';

export interface TaskRow {
  id: string;
  status: TaskStatus;
  domain: string | null;
  depends_on: string[];
  title: string;
  blocked_reason: string | null;
}

/** Where a plan stands: counts by status, what can run, what is blocked and why. */
export interface PlanSummary {
  goal: string | null;
  total: number;
  counts: Record<TaskStatus, number>;
  runnable: string[];
  blocked: { id: string; reason: string | null }[];
  critical_path: string[];
  tasks: TaskRow[];
}

/** Summarizes a plan for `status` (and its `--json`). */
export function summarizePlan(plan: Plan): PlanSummary {
  const counts = Object.fromEntries(TASK_STATUSES.map((status) => [status, 0])) as Record<TaskStatus, number>;
  const tasks = plan.tasks.map((task): TaskRow => {
    const status = taskStatus(task);
    counts[status]++;
    return {
      id: task.id,
      status,
      domain: task.domain ?? null,
      depends_on: task.depends_on ?? [],
      title: task.title ?? '',
      blocked_reason: status === 'blocked' ? (task.blocked_reason ?? null) : null,
    };
  });
  return {
    goal: plan.goal ?? null,
    total: plan.tasks.length,
    counts,
    runnable: runnableTasks(plan).map((task) => task.id),
    blocked: tasks.filter((row) => row.status === 'blocked').map((row) => ({ id: row.id, reason: row.blocked_reason })),
    critical_path: criticalPath(plan),
    tasks,
  };
}

/** `12 tasks: 3 done, 1 in_progress, 8 pending` (statuses with no task left out). */
export function formatCounts(summary: Pick<PlanSummary, 'total' | 'counts'>): string {
  const parts = TASK_STATUSES.filter((status) => summary.counts[status] > 0).map(
    (status) => `${summary.counts[status]} ${status}`,
  );
  return `${summary.total} task${summary.total === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
