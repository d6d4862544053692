import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { UsageError } from '@planwright/cli-kit';
import { loadPlan, runnableTasks } from '@planwright/plan-schema';
import { prPaths, type ServerContext } from '../server/context.js';
import { defineTool } from '../server/define-tool.js';
import { validatePlanFile } from '../plan/validate-plan-file.js';
import { doc, prInput, taskDoc, taskInput } from './shapes.js';

/** `next`, `show_task`, `validate_plan`: a plan read, never written. */
export function registerReadTools(server: McpServer, context: ServerContext): void {
  defineTool(server, context, {
    name: 'next',
    title: 'The runnable tasks',
    description: 'The tasks that can run now: pending, with every dependency done. Same document as `planwright next --json`.',
    input: { pr: prInput },
    output: doc({ runnable: z.array(z.looseObject({ id: z.string(), title: z.string(), domain: z.string().nullable(), depends_on: z.array(z.string()), verify: z.array(z.string()) })) }),
    readOnly: true,
    run: async ({ pr }, call) => {
      const paths = await prPaths(call.context, pr);
      const plan = await loadPlan(paths.file, { label: paths.label });
      return {
        runnable: runnableTasks(plan).map((task) => ({ id: task.id, title: task.title ?? '', domain: task.domain ?? null, depends_on: task.depends_on ?? [], verify: task.verify ?? [] })),
      };
    },
  });

  defineTool(server, context, {
    name: 'show_task',
    title: 'One task',
    description: 'One task of the plan as plan.json holds it, every key included (bookkeeping and the planner\'s own).',
    input: { pr: prInput, task: taskInput },
    output: doc({ plan: z.string(), task: taskDoc }),
    readOnly: true,
    run: async ({ pr, task }, call) => {
      const paths = await prPaths(call.context, pr);
      const plan = await loadPlan(paths.file, { label: paths.label });
      const found = plan.tasks.find((candidate) => candidate.id === task);
      if (!found) throw new UsageError(`${paths.label}: --task ${JSON.stringify(task)}: no such task`, { hint: plan.tasks.length ? `tasks: ${plan.tasks.slice(0, 8).map((t) => t.id).join(', ')}` : 'the plan has no tasks' });
      return { plan: paths.label, task: found };
    },
  });

  defineTool(server, context, {
    name: 'validate_plan',
    title: 'Check a plan',
    description: 'Check plan.json against the schema, ids, dependencies and cycles: { valid, tasks, counts, waves } or { valid: false, problems }. Same document as `planwright validate-plan --json`.',
    input: { pr: prInput },
    output: doc({ valid: z.boolean(), file: z.string() }),
    readOnly: true,
    run: async ({ pr }, call) => validatePlanFile((await prPaths(call.context, pr))),
  });
}
