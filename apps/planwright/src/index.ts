/**
 * Every planwright package under one import, each under its own namespace.
 *
 * @example
 * import { planSchema } from 'planwright';
 * const plan = await planSchema.loadPlan('.plans/pr-42/plan.json');
 */
export * as planSchema from '@planwright/plan-schema';
/** Git set-up, branches, per-task commits and worktrees. */
export * as gitOps from '@planwright/git-ops';
/** The shared CLI wiring: typed errors and exit codes. */
export * as cliKit from '@planwright/cli-kit';
