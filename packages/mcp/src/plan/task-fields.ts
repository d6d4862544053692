import * as z from 'zod';
import { TASK_ID_PATTERN } from '@planwright/plan-schema';

// The task fields a planner writes. Bookkeeping (status, run ids, verdicts) is the tools' own and is set
// through start_run, mark_verified and sync, never here.
const list = (what: string) => z.array(z.string()).describe(what);

/** The editable fields of a task, all optional (update_task), each described for the model. */
export const taskFieldsShape = {
  title: z.string().describe('One line: what the task does').optional(),
  description: z.string().describe('What to do, for a code agent that knows nothing else').optional(),
  expected_files: list('Paths the task is expected to change').optional(),
  verify: list('Shell commands that prove the task is done (run in the repository)').optional(),
  done_criteria: list('What must be true when the task is done').optional(),
  depends_on: list('Ids of tasks that must be done first').optional(),
  domain: z.string().nullable().describe('Tasks of different domains may run at once; null removes it').optional(),
  agent: z.string().nullable().describe('codex | gemini | claude | a custom agent of orchestrator.toml; null removes it').optional(),
  timeout_minutes: z.number().nonnegative().nullable().describe('Per-task timeout; null removes it').optional(),
};

/** A task id as plan.json requires it (it becomes part of file names). */
export const TaskIdInput = z
  .string()
  .regex(TASK_ID_PATTERN, 'a task id is letters, digits, "_", "." and "-", starting with a letter or digit')
  .describe('Task id, e.g. task_004');

/** A new task: an id and a title, the other fields optional; keys of the planner's own are kept. */
export const NewTaskInput = z.looseObject({ id: TaskIdInput, ...taskFieldsShape, title: z.string().min(1).describe('One line: what the task does') });
export type NewTask = z.infer<typeof NewTaskInput>;

/** The fields of `taskFieldsShape` given in `fields`, applied to `task` (null deletes). */
export function applyFields(task: Record<string, unknown>, fields: Record<string, unknown>): string[] {
  const changed: string[] = [];
  for (const key of Object.keys(taskFieldsShape)) {
    if (!(key in fields) || fields[key] === undefined) continue;
    if (fields[key] === null) delete task[key];
    else task[key] = fields[key];
    changed.push(key);
  }
  return changed;
}
