import { join } from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { prPaths, type ServerContext } from '../server/context.js';
import { defineTool } from '../server/define-tool.js';
import { insideRepo } from '../server/inside-repo.js';
import { doc, prInput } from './shapes.js';

/** `research` and `review`: the pre-plan agents, awaited, with progress, ended when the call is cancelled. */
export function registerAgentTools(server: McpServer, context: ServerContext): void {
  defineTool(server, context, {
    name: 'research',
    title: 'Research before planning',
    description:
      'RUNS A CODE AGENT (codex) in the repository that writes .plans/<pr>/research/RESEARCH.md for the goal, and waits for it (planwright research). ' +
      'Sends progress notifications; cancelling the call ends that agent.',
    input: {
      pr: prInput,
      goal: z.string().min(1).describe('What the PR should achieve'),
      out: z.string().describe('Research brief path in the repository (default .plans/<pr>/research/RESEARCH.md)').optional(),
      timeout_minutes: z.number().positive().describe('End the agent after this long (default 45)').optional(),
      dry_run: z.boolean().describe('Write the research plan only; start no agent').optional(),
    },
    output: doc({ dryRun: z.boolean(), exitCode: z.number(), outputFile: z.string() }),
    run: async ({ pr, goal, out, timeout_minutes, dry_run }, call) => {
      const paths = await prPaths(call.context, pr);
      const { runResearch } = await import('@planwright/agent-runner');
      let events = 0;
      const result = await runResearch({
        repo: call.context.repo,
        pr: paths.pr,
        goal,
        out: out === undefined ? undefined : await insideRepo(call.context.repo, out, 'out'),
        timeoutMinutes: timeout_minutes,
        dryRun: dry_run,
        // In the repository, as every run of this server (never the user's ~/.codex/runs), and apart from
        // the PR's task runs, so a research run is never the "latest run" of status and wait_run.
        runRoot: call.context.runRoot ?? join(paths.planDir, 'research', 'runs'),
        env: call.context.env,
        signal: call.signal,
        onEvent: (event) => void call.progress(++events, `research: ${event.type}`),
      });
      // The run's own details stay in its folder; the planner needs where the brief is and how it ended.
      const { run: _run, ...brief } = result;
      return brief;
    },
  });

  defineTool(server, context, {
    name: 'review',
    title: 'Critique the plan options',
    description:
      'RUNS A REVIEWER MODEL CLI (gemini by default; codex or claude) on a bundle of the plan options and context, and writes its critique to ' +
      '.plans/<pr>/preplan/GEMINI_PLAN_REVIEW.md (planwright review). Secrets in the bundle refuse the call. Sends progress notifications; cancelling ends the reviewer.',
    input: {
      pr: prInput,
      reviewer: z.enum(['gemini', 'codex', 'claude']).describe('Default gemini').optional(),
      model: z.string().optional(),
      plan_options: z.string().describe('Default .plans/<pr>/preplan/PLAN_OPTIONS.md').optional(),
      out: z.string().describe('Default .plans/<pr>/preplan/GEMINI_PLAN_REVIEW.md').optional(),
      timeout_minutes: z.number().positive().optional(),
      dry_run: z.boolean().describe('Write the bundle it would send; call nothing').optional(),
    },
    output: doc({ output: z.string(), reviewer: z.string(), dry_run: z.boolean() }),
    run: async ({ pr, reviewer, model, plan_options, out, timeout_minutes, dry_run }, call) => {
      const paths = await prPaths(call.context, pr);
      const repo = call.context.repo;
      const { reviewPlan } = await import('@planwright/gemini-review');
      await call.progress(0, `review: bundling ${paths.pr}`);
      const result = await reviewPlan({
        repo,
        cwd: repo,
        pr: paths.pr,
        reviewer,
        model,
        planOptions: plan_options === undefined ? undefined : await insideRepo(repo, plan_options, 'plan_options'),
        out: out === undefined ? undefined : await insideRepo(repo, out, 'out'),
        timeoutMinutes: timeout_minutes,
        dryRun: dry_run,
        env: call.context.env,
        signal: call.signal,
        onBundle: (bundle) => void call.progress(1, `review: bundle of ${JSON.stringify(bundle)} sent to the reviewer`),
      });
      await call.progress(2, 'review: written');
      return result;
    },
  });
}
