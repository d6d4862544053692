import { markAgentDone, markBlocked, markVerified, updatePlan, type Plan, type Task } from '@planwright/plan-schema';
import type { TaskAccount } from './accounting.js';
import type { TaskOutcome } from './options.js';
import type { ResolvedRun } from './prepare-run.js';

/** How a task ended in this invocation, before it is written down. */
export interface Verdict {
  status: TaskOutcome['status'];
  blockedReason?: string;
  verified?: boolean;
  failedCommand?: string;
  /** The verify commands decided for an agent that left no results. */
  withoutResults?: boolean;
}

/** The task's final state in plan.json and meta.json. */
export async function recordOutcome(run: ResolvedRun, task: Task, verdict: Verdict, account: TaskAccount, commit: { before: string; after: string } | undefined, exitCode: number | null, agentName: string, extra?: (entry: Task) => void): Promise<void> {
  // --no-sync-plan: the outcome stays in the run folder (results, meta) for `planwright sync` to apply.
  if (run.syncPlan) await run.writeTask(task.id, (entry) => {
    // The planner changed it meanwhile (deferred it, say): theirs wins.
    if (entry.status !== 'in_progress' && entry.status !== 'agent_done') return;
    if (verdict.status === 'blocked') markBlocked(entry, verdict.blockedReason ?? 'blocked');
    else if (entry.status === 'in_progress') markAgentDone(entry);
    const passed = `verify passed (${plural((task.verify ?? []).length, 'command')})`;
    if (verdict.status === 'done') markVerified(entry, { by: 'auto', note: verdict.withoutResults ? `${passed}; no results from the agent` : passed });
    entry.last_agent = agentName;
    if (verdict.failedCommand) entry.verify_failed_command = verdict.failedCommand;
    if (account.thread_id) entry.thread_id = account.thread_id;
    if (account.usage) entry.usage = account.usage;
    entry.duration_ms = account.duration_ms;
    if (account.reminders > 0) entry.handshake_reminders = account.reminders;
    if (commit) {
      entry.head_before = commit.before;
      entry.head_after = commit.after;
    }
    extra?.(entry);
  });
  const state = verdict.status === 'blocked' ? (verdict.blockedReason === 'timeout' ? 'timeout' : 'failed') : 'completed';
  // One write of meta.json for both: the run's last thread and exit code, and the task's own state.
  await run.patchMeta((meta) => {
    Object.assign(meta, { thread_id: account.thread_id, exit_code: exitCode });
    const tasks = (meta.tasks ??= {});
    tasks[task.id] = { ...tasks[task.id], status: state, exit_code: exitCode, thread_id: account.thread_id, usage: account.usage, duration_ms: account.duration_ms, attempts: account.attempts, reminders: account.reminders, verified: verdict.verified ?? null };
  });
}

/** Changes one task of the plan under the plan lock. */
export async function setTaskState(planFile: string, taskId: string, change: (task: Task) => void): Promise<Plan> {
  const { plan } = await updatePlan(planFile, (current) => {
    const entry = current.tasks.find((candidate) => candidate.id === taskId);
    if (entry) change(entry);
  });
  return plan;
}

/** `1 command`, `3 commands`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
