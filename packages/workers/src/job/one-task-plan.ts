import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RemoteTaskRequest } from '@planwright/agent-runner';
import { stringifyJson, writeFileAtomic, type Task } from '@planwright/plan-schema';

/**
 * The coordinator's bookkeeping on a plan entry: its run, its outcome, its placement. The worker's run
 * starts the task afresh (its thread lives on the machine that ran it), so none of it is carried over.
 */
const BOOKKEEPING = [
  'delegated_at', 'run_dir', 'last_run_id', 'agent_done_at', 'blocked_reason', 'blocked_at', 'paused_until', 'paused_reason',
  'verified_at', 'verified_by', 'verified_note', 'thread_id', 'usage', 'attempts', 'handshake_reminders', 'duration_ms',
  'verify_failed_command', 'head_before', 'head_after', 'worktree', 'last_agent', 'host', 'worker', 'attempt',
] as const;

export interface OneTaskPlan {
  /** `<job dir>/<PR>`: named as the PR, so briefs and run folders read as on the coordinator. */
  planDir: string;
  planFile: string;
}

/**
 * Writes `<jobDir>/<PR>/plan.json` holding only the request's task, pending, without dependencies (they
 * are done: their work is in the base commit) and without the coordinator's bookkeeping; the goal from
 * the request. The planner's own keys on the task are kept.
 *
 * @example
 * const { planDir } = await writeOneTaskPlan({ jobDir: '/cache/runs/pr-1.task_001.run', request });
 */
export async function writeOneTaskPlan(options: { jobDir: string; request: RemoteTaskRequest }): Promise<OneTaskPlan> {
  const { request } = options;
  const task: Record<string, unknown> = { ...request.task, status: 'pending' };
  delete task.depends_on;
  for (const key of BOOKKEEPING) delete task[key];
  const planDir = join(options.jobDir, request.pr);
  const planFile = join(planDir, 'plan.json');
  await mkdir(planDir, { recursive: true });
  const plan = { ...(request.goal !== undefined && { goal: request.goal }), created_at: new Date().toISOString(), tasks: [task as Task] };
  await writeFileAtomic(planFile, stringifyJson(plan));
  return { planDir, planFile };
}
