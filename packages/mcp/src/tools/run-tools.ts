import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { runOptionsShape } from '../runs/run-flags.js';
import { startRun } from '../runs/start-run.js';
import type { Statuses } from '../runs/status-diff.js';
import { statusesOf, waitRun } from '../runs/wait-run.js';
import { prPaths, type ServerContext } from '../server/context.js';
import { defineTool } from '../server/define-tool.js';
import { doc, prInput } from './shapes.js';

/** `start_run` and `wait_run`: the orchestrator, started detached, and a bounded wait on it. */
export function registerRunTools(server: McpServer, context: ServerContext): void {
  // What each run's waits report changes against: the plan when the run started here, then each answer.
  const baselines = new Map<string, Statuses>();

  defineTool(server, context, {
    name: 'start_run',
    title: 'Start a run',
    description:
      'RUNS CODE AGENTS (and, with auto_verify, the tasks\' verify shell commands) in the repository: starts `planwright run` for the PR ' +
      'detached, with the same options, and returns its run id at once. The run goes on if this server ends. Follow it with wait_run.',
    input: { pr: prInput, ...runOptionsShape },
    output: doc({ run_id: z.string(), run_dir: z.string(), pid: z.number(), output_file: z.string(), command: z.array(z.string()) }),
    run: async ({ pr, ...run }, call) => {
      const paths = await prPaths(call.context, pr);
      const before = await statusesOf(paths);
      const started = await startRun({ context: call.context, paths, run });
      baselines.set(started.run_id, before);
      return { ...started };
    },
  });

  defineTool(server, context, {
    name: 'wait_run',
    title: 'Wait for a run to change',
    description:
      'Wait up to timeout_seconds for a run to change something (a task finished by its agent, blocked, verified; or the run ended) ' +
      'and return what changed since the run started here or since the last wait_run. Sends progress notifications while it waits.',
    input: {
      pr: prInput,
      run_id: z.string().describe('The run id start_run returned (default: the newest run)').optional(),
      timeout_seconds: z.number().positive().max(600).default(60).describe('Longest wait (default 60, at most 600)'),
    },
    output: doc({
      run_id: z.string().nullable(),
      run_status: z.string(),
      active: z.boolean(),
      timed_out: z.boolean(),
      changes: z.array(z.object({ id: z.string(), from: z.string().nullable(), to: z.string() })),
      finished: z.array(z.string()),
      blocked: z.array(z.string()),
      verified: z.array(z.string()),
    }),
    readOnly: true,
    run: async ({ pr, run_id, timeout_seconds }, call) => {
      const paths = await prPaths(call.context, pr);
      const key = run_id ?? '';
      const result = await waitRun({
        paths,
        runId: run_id,
        timeoutSeconds: timeout_seconds,
        baseline: baselines.get(key),
        signal: call.signal,
        onProgress: (elapsed, message) => call.progress(elapsed, message, timeout_seconds),
      });
      if (result.run_id) baselines.set(result.run_id, result.statuses);
      if (key !== result.run_id) baselines.set(key, result.statuses);
      return { ...result };
    },
  });
}
