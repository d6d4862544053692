import { UsageError } from '@planwright/cli-kit';
import { findTask, updatePlan, type Plan, type Task } from '@planwright/plan-schema';
import type { PrPaths } from '../server/context.js';
import { applyFields } from './task-fields.js';

export interface UpdateTaskOptions {
  paths: PrPaths;
  task: string;
  /** The fields to set; `null` deletes an optional one. Other keys of the task are kept as they are. */
  fields: Record<string, unknown>;
}

export interface UpdateTaskResult {
  plan: string;
  task_id: string;
  changed: string[];
  written: boolean;
  task: Task;
}

/**
 * Changes a task's planning fields under the plan lock. The whole plan is validated before it is written:
 * an unknown task, a dependency on no task, a cycle or a bad value refuses the call and writes nothing.
 */
export async function updateTask(options: UpdateTaskOptions): Promise<UpdateTaskResult> {
  const { paths } = options;
  if (Object.values(options.fields).every((value) => value === undefined)) {
    throw new UsageError(`update_task ${options.task}: no field to change`, { hint: 'give one of title, description, expected_files, verify, done_criteria, depends_on, domain, agent, timeout_minutes' });
  }
  const { result, written } = await updatePlan(
    paths.file,
    (plan: Plan) => {
      const task = findTask(plan, options.task, paths.label);
      if (options.fields.depends_on && (options.fields.depends_on as string[]).includes(task.id)) {
        throw new UsageError(`${paths.label}: tasks.${task.id}.depends_on: a task cannot depend on itself`, { hint: 'remove its own id' });
      }
      const changed = applyFields(task as Record<string, unknown>, options.fields);
      return { changed, task: { ...task } };
    },
    { label: paths.label },
  );
  return { plan: paths.label, task_id: options.task, changed: result.changed, written, task: result.task };
}
