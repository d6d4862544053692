import type { PlanProblem } from './problem.js';

/**
 * Brings a plan written by older tools to the current form, in place and without moving keys:
 * `task_id` becomes `id` (at the same position), and the status `delegated` becomes `in_progress`.
 * Returns problems it cannot resolve (a task with two different ids).
 */
export function normalizePlanData(data: unknown): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (!isRecord(data) || !Array.isArray(data.tasks)) return problems;
  const tasks = data.tasks as unknown[];
  tasks.forEach((task, index) => {
    if (!isRecord(task)) return;
    if ('task_id' in task) {
      if (!('id' in task)) tasks[index] = renameKey(task, 'task_id', 'id');
      else if (task.id === task.task_id) delete task.task_id;
      else {
        problems.push({
          path: `tasks[${index}]`,
          message: `has both "id" (${JSON.stringify(task.id)}) and the legacy "task_id" (${JSON.stringify(task.task_id)})`,
          hint: 'keep only "id"',
        });
      }
    }
    const normalized = tasks[index] as Record<string, unknown>;
    if (normalized.status === 'delegated') normalized.status = 'in_progress';
  });
  return problems;
}

function renameKey(record: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, value]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
