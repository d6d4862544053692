import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { findTask, loadPlan, nextDocument, validatePlanFile } from '@planwright/plan-schema';
import { prPaths, type ServerContext } from '../server/context.js';
import { defineTool } from '../server/define-tool.js';
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
      return nextDocument(plan);
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
      return { plan: paths.label, task: findTask(plan, task, paths.label) };
    },
  });

  defineTool(server, context, {
    name: 'validate_plan',
    title: 'Check a plan',
    description: 'Check plan.json against the schema, ids, dependencies and cycles: { valid, tasks, counts, waves } or { valid: false, problems }. Same document as `planwright validate-plan --json`.',
    input: { pr: prInput },
    output: doc({ valid: z.boolean(), file: z.string() }),
    readOnly: true,
    run: async ({ pr }, call) => {
      const paths = await prPaths(call.context, pr);
      return validatePlanFile(paths.file, paths.label);
    },
  });
}
