import { UsageError } from '@planwright/cli-kit';
import type { Plan } from '../schemas/plan.js';
import type { Task } from '../schemas/task.js';

/**
 * The task of `plan` with this id, else the one-line usage error every command gives (`<plan>: --task
 * "x": no such task`, the first ids as the hint), so mark-verified, the MCP tools and the rest say it alike.
 *
 * @example
 * const task = findTask(plan, 'task_003', located.label);
 */
export function findTask(plan: Plan, id: string, label: string): Task {
  const task = plan.tasks.find((candidate) => candidate.id === id);
  if (task) return task;
  const known = plan.tasks.slice(0, 8).map((candidate) => candidate.id).join(', ');
  throw new UsageError(`${label}: --task ${JSON.stringify(id)}: no such task`, {
    hint: plan.tasks.length ? `tasks: ${known}${plan.tasks.length > 8 ? ', ...' : ''}` : 'the plan has no tasks',
  });
}
