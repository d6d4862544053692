import type { Task, TaskStatus } from '../schemas/task.js';

/** A timestamp as planwright writes them: RFC 3339, UTC, whole seconds. */
export function timestamp(at: Date = new Date()): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

export interface StartTaskOptions {
  runDir?: string;
  runId?: string;
  at?: Date;
}

/** The orchestrator hands the task to an agent: `in_progress`, with delegated_at, run_dir, last_run_id. */
export function startTask(task: Task, options: StartTaskOptions = {}): Task {
  task.status = 'in_progress';
  // A paused task resumes here: the pause is over.
  delete task.paused_until;
  delete task.paused_reason;
  task.delegated_at = timestamp(options.at);
  if (options.runDir !== undefined) task.run_dir = options.runDir;
  if (options.runId !== undefined) task.last_run_id = options.runId;
  return task;
}

/** The agent says it finished: `agent_done`, with agent_done_at. Not verified yet. */
export function markAgentDone(task: Task, options: { at?: Date } = {}): Task {
  task.status = 'agent_done';
  task.agent_done_at = timestamp(options.at);
  return task;
}

/** The task cannot go on without a person: `blocked`, with the reason and blocked_at. */
export function markBlocked(task: Task, reason: string, options: { at?: Date } = {}): Task {
  task.status = 'blocked';
  task.blocked_reason = reason;
  task.blocked_at = timestamp(options.at);
  return task;
}

/**
 * The agent hit a usage or rate limit: `paused` until the reset, with the reason. The orchestrator resumes
 * the task's session (`thread_id`) once `paused_until` has passed.
 */
export function markPaused(task: Task, options: { until: Date; reason: string }): Task {
  task.status = 'paused';
  task.paused_until = timestamp(options.until);
  task.paused_reason = options.reason;
  return task;
}

export interface VerifyTaskOptions {
  /** `manual` (a person or the planner) or `auto` (the task's verify commands passed). */
  by: 'manual' | 'auto';
  note?: string;
  /** The status to set (default `done`). */
  status?: TaskStatus;
  at?: Date;
}

/** The task's work was checked: the status (default `done`) with verified_at, verified_by, verified_note. */
export function markVerified(task: Task, options: VerifyTaskOptions): Task {
  task.status = options.status ?? 'done';
  task.verified_at = timestamp(options.at);
  task.verified_by = options.by;
  if (options.note !== undefined) task.verified_note = options.note;
  return task;
}

/** Back to `pending` for another attempt; the reason it was blocked is cleared. */
export function reopenTask(task: Task): Task {
  task.status = 'pending';
  delete task.blocked_reason;
  delete task.blocked_at;
  delete task.paused_until;
  delete task.paused_reason;
  return task;
}
