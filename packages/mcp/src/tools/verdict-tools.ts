import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { markTaskVerified, TASK_STATUSES } from '@planwright/plan-schema';
import { prPaths, type ServerContext } from '../server/context.js';
import { defineTool } from '../server/define-tool.js';
import { doc, prInput, taskInput } from './shapes.js';

/** `mark_verified` and `verify_task`: the planner's verdict, and the verify commands that inform it. */
export function registerVerdictTools(server: McpServer, context: ServerContext): void {
  defineTool(server, context, {
    name: 'mark_verified',
    title: "Record the planner's verdict",
    description:
      "The planner's verdict on a task (planwright mark-verified): status done (or the one given), verified_at, verified_by manual and the note, " +
      'under the plan lock, and a MASTER.md entry. Dependents of a done task become runnable.',
    input: {
      pr: prInput,
      task: taskInput,
      note: z.string().describe('Why: what was checked').optional(),
      status: z.enum(TASK_STATUSES).describe('The status to set (default done)').optional(),
      dry_run: z.boolean().describe('Say what would change; write nothing').optional(),
    },
    output: doc({ task_id: z.string(), previous_status: z.string(), status: z.string(), verified_at: z.string(), dry_run: z.boolean() }),
    run: async ({ pr, task, note, status, dry_run }, call) => {
      const paths = await prPaths(call.context, pr);
      return { ...(await markTaskVerified({ plan: paths.file, cwd: call.context.repo, task, note, status, dryRun: dry_run })) };
    },
  });

  defineTool(server, context, {
    name: 'verify_task',
    title: "Run a task's verify commands",
    description:
      "RUNS SHELL COMMANDS: the task's verify commands, in the repository (planwright verify). Records the outcome in plan.json as planwright verify does.",
    input: {
      pr: prInput,
      task: taskInput,
      timeout_minutes: z.number().positive().describe('Per command (default 10)').optional(),
    },
    output: doc({ task_id: z.string(), passed: z.boolean(), status: z.string(), commands: z.number(), log_path: z.string() }),
    run: async ({ pr, task, timeout_minutes }, call) => {
      const paths = await prPaths(call.context, pr);
      const { verifyTask } = await import('@planwright/agent-runner');
      const result = await verifyTask({ repo: call.context.repo, plan: paths.file, cwd: call.context.repo, task, timeoutMinutes: timeout_minutes, env: call.context.env, signal: call.signal });
      return { ...result };
    },
  });
}
