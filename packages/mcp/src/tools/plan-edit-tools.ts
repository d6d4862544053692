import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { addTasks } from '../plan/add-tasks.js';
import { NewTaskInput, taskFieldsShape } from '../plan/task-fields.js';
import { updateTask } from '../plan/update-task.js';
import { prPaths, type ServerContext } from '../server/context.js';
import { defineTool } from '../server/define-tool.js';
import { doc, prInput, taskDoc, taskInput } from './shapes.js';

/** `add_tasks` and `update_task`: plan edits under the plan lock, validated with the whole plan. */
export function registerPlanEditTools(server: McpServer, context: ServerContext): void {
  defineTool(server, context, {
    name: 'add_tasks',
    title: 'Add tasks to a plan',
    description:
      'Append tasks (status pending) to .plans/<pr>/plan.json under the plan lock. The whole plan is validated first: ' +
      'a duplicate id, a depends_on naming no task, or a cycle refuses the call and writes nothing. ' +
      'With goal, a PR without a plan gets one.',
    input: {
      pr: prInput,
      tasks: z.array(NewTaskInput).min(1).describe('The new tasks, in order; depends_on may name tasks of this call'),
      goal: z.string().min(1).describe('The goal of the plan, when it does not exist yet (creates it)').optional(),
    },
    output: doc({ plan: z.string(), created: z.boolean(), added: z.array(z.string()), tasks: z.number() }),
    run: async ({ pr, tasks, goal }, call) => ({ ...(await addTasks({ paths: await prPaths(call.context, pr), tasks, goal })) }),
  });

  defineTool(server, context, {
    name: 'update_task',
    title: 'Change a task',
    description:
      "Change a task's planning fields (title, description, expected_files, verify, done_criteria, depends_on, domain, agent, timeout_minutes) " +
      'under the plan lock; other keys of the task are kept. Refused, writing nothing, when the result would not be a valid plan. ' +
      'Status changes go through mark_verified, start_run and sync.',
    input: { pr: prInput, task: taskInput, ...taskFieldsShape },
    output: doc({ plan: z.string(), task_id: z.string(), changed: z.array(z.string()), written: z.boolean(), task: taskDoc }),
    run: async ({ pr, task, ...fields }, call) => ({ ...(await updateTask({ paths: await prPaths(call.context, pr), task, fields })) }),
  });
}
