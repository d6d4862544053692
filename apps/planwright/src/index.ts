/**
 * Every planwright package under one import, each under its own namespace.
 *
 * @example
 * import { planSchema, agentRunner } from 'planwright';
 * const plan = await planSchema.loadPlan('.plans/pr-42/plan.json');
 * await agentRunner.orchestrate({ planDir: '.plans/pr-42', codeDir: '.', compactRun: true });
 */
export * as planSchema from '@planwright/plan-schema';
/** OpenSpec-style changes and specs, and tasks.md to plan.json. */
export * as specflow from '@planwright/specflow';
/** Run folders: results, heartbeat, sync-plan, doctor. */
export * as runStore from '@planwright/run-store';
/** The orchestrator, the agent adapters, the research agent. */
export * as agentRunner from '@planwright/agent-runner';
/** The plan critique: bundle, model gate, Gemini (or Codex, Claude) as reviewer. */
export * as geminiReview from '@planwright/gemini-review';
/** Git set-up, branches, per-task commits and worktrees. */
export * as gitOps from '@planwright/git-ops';
/** The live web board of a PR: server, event feed, state, task details. */
export * as board from '@planwright/board';
/** The MCP server: the workflow's steps as tools for a planning agent. */
export * as mcp from '@planwright/mcp';
/** Workers on many machines: the BullMQ executor of `run --executor redis://…`, the worker loop, the job runner. */
export * as workers from '@planwright/workers';
/** The shared CLI wiring: typed errors and exit codes. */
export * as cliKit from '@planwright/cli-kit';
