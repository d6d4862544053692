import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { ACTIVE_RUN_STATUSES, doctor, readLogTail, requestStop, showRun, syncPlan } from '@planwright/run-store';
import { findRun } from '../runs/find-run.js';
import { prPaths, type ServerContext } from '../server/context.js';
import { defineTool } from '../server/define-tool.js';
import { doc, prInput, taskInput } from './shapes.js';

const runIdInput = z.string().describe('A run id (or run folder name) of the PR; default the newest run').optional();

/** `run_status`, `doctor`, `stop_run`, `sync`: the run folders of a PR, read or acted on. */
export function registerRunInfoTools(server: McpServer, context: ServerContext): void {
  defineTool(server, context, {
    name: 'run_status',
    title: 'One run in detail',
    description: "A run's status, elapsed time, and per task its results, agent (alive or not) and the last lines of its log. The document of `planwright run-store show --json` plus elapsed_seconds and log tails.",
    input: { pr: prInput, run_id: runIdInput, tail_lines: z.number().int().min(0).max(200).default(10).describe('Log lines per task (default 10)') },
    output: doc({ run_dir: z.string(), run_id: z.string().nullable(), status: z.string(), meta: z.looseObject({}).nullable(), elapsed_seconds: z.number().nullable(), tasks: z.array(z.looseObject({ task_id: z.string(), log_tail: z.string() })) }),
    readOnly: true,
    run: async ({ pr, run_id, tail_lines }, call) => {
      const paths = await prPaths(call.context, pr);
      const run = await showRun({ runDir: (await findRun(paths, run_id)).run_dir });
      const tasks = await Promise.all(run.tasks.map(async (task) => ({ ...task, log_tail: await readLogTail(task.log.path, { maxLines: tail_lines, maxBytes: 16_000 }) })));
      return { ...run, elapsed_seconds: elapsed(run.created_at, ACTIVE_RUN_STATUSES.has(run.status) ? null : run.updated_at), tasks };
    },
  });

  defineTool(server, context, {
    name: 'doctor',
    title: 'Inspect a stuck task',
    description: "Inspect a run's task: its agent process (alive, same process, ps line), results, log tail, and the commands to rerun or resume it. Reads only; ends nothing. Same document as `planwright doctor --json`.",
    input: { pr: prInput, run_id: runIdInput, task: taskInput.optional() },
    output: doc({ run_dir: z.string(), task_id: z.string().nullable(), problems: z.array(z.string()) }),
    readOnly: true,
    run: async ({ pr, run_id, task }, call) => {
      const paths = await prPaths(call.context, pr);
      return doctor({ repo: call.context.repo, pr: paths.pr, runRoot: call.context.runRoot, runDir: (await findRun(paths, run_id)).run_dir, task, printRerun: true });
    },
  });

  defineTool(server, context, {
    name: 'stop_run',
    title: 'Stop a run',
    description: 'Ask a run to launch no further task (control/stop); the tasks already running finish. Same document as `planwright stop --json`.',
    input: { pr: prInput, run_id: runIdInput },
    output: doc({ stop_path: z.string(), run_id: z.string().nullable() }),
    run: async ({ pr, run_id }, call) => {
      const run = await findRun(await prPaths(call.context, pr), run_id);
      return { stop_path: await requestStop({ runDir: run.run_dir }), run_id: run.run_id };
    },
  });

  defineTool(server, context, {
    name: 'sync',
    title: 'Repair plan.json from the runs',
    description: "Bring plan.json up to date from the runs' results, and mark in_progress tasks whose agent is gone blocked (interrupted). Same document as `planwright sync --json`.",
    input: { pr: prInput, dry_run: z.boolean().describe('Say what would change; write nothing').optional() },
    output: doc({ plan_file: z.string(), written: z.boolean(), changes: z.array(z.looseObject({})) }),
    run: async ({ pr, dry_run }, call) => {
      const paths = await prPaths(call.context, pr);
      return syncPlan({ plan: paths.file, runsRoot: paths.runsRoot, dryRun: dry_run, cwd: call.context.repo });
    },
  });
}

function elapsed(from: string | null, to: string | null): number | null {
  if (!from) return null;
  const start = Date.parse(from);
  const end = to ? Date.parse(to) : Date.now();
  return Number.isNaN(start) || Number.isNaN(end) ? null : Math.max(0, Math.round((end - start) / 1000));
}
