import { criticalPath, runnableTasks, taskStatus } from '../graph/queries.js';
import type { Plan } from '../schemas/plan.js';
import { TASK_STATUSES, type TaskStatus } from '../schemas/task.js';

export interface TaskRow {
  id: string;
  status: TaskStatus;
  domain: string | null;
  depends_on: string[];
  title: string;
  blocked_reason: string | null;
  /** The agent named by the task (the run's default agent otherwise). */
  agent: string | null;
  /** Agent and verify time recorded by the orchestrator. */
  duration_ms: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  attempts: number | null;
  /** Reminder turns the agent needed to write its results (their tokens and time are counted above). */
  handshake_reminders: number | null;
  /** Where a task of a run on workers (`run --executor`) runs or ran: null for a local task. */
  placement: { host: string | null; worker: string; attempt: number | null } | null;
}

/** What the plan's tasks cost so far, summed. */
export interface PlanTotals {
  duration_ms: number;
  input_tokens: number;
  output_tokens: number;
  cached_input_tokens: number;
  cost_usd: number;
  attempts: number;
  handshake_reminders: number;
}

/** Where a plan stands: counts by status, what can run, what is blocked and why. */
export interface PlanSummary {
  goal: string | null;
  total: number;
  counts: Record<TaskStatus, number>;
  runnable: string[];
  blocked: { id: string; reason: string | null }[];
  /** Tasks waiting out a usage limit: when they resume, and the limit. */
  paused: { id: string; until: string | null; reason: string | null }[];
  critical_path: string[];
  totals: PlanTotals;
  tasks: TaskRow[];
}

/** Summarizes a plan for `status` (and its `--json`). */
export function summarizePlan(plan: Plan): PlanSummary {
  const counts = Object.fromEntries(TASK_STATUSES.map((status) => [status, 0])) as Record<TaskStatus, number>;
  const tasks = plan.tasks.map((task): TaskRow => {
    const status = taskStatus(task);
    counts[status]++;
    return {
      id: task.id,
      status,
      domain: task.domain ?? null,
      depends_on: task.depends_on ?? [],
      title: task.title ?? '',
      blocked_reason: status === 'blocked' ? (task.blocked_reason ?? null) : null,
      agent: task.agent ?? task.last_agent ?? null,
      duration_ms: numberOrNull(task.duration_ms),
      input_tokens: numberOrNull(task.usage?.input_tokens),
      output_tokens: numberOrNull(task.usage?.output_tokens),
      cost_usd: numberOrNull(task.usage?.cost_usd),
      attempts: numberOrNull(task.attempts),
      handshake_reminders: numberOrNull(task.handshake_reminders),
      placement: task.worker ? { host: task.host ?? null, worker: task.worker, attempt: numberOrNull(task.attempt) } : null,
    };
  });
  const totals: PlanTotals = { duration_ms: 0, input_tokens: 0, output_tokens: 0, cached_input_tokens: 0, cost_usd: 0, attempts: 0, handshake_reminders: 0 };
  for (const task of plan.tasks) {
    totals.duration_ms += numberOrNull(task.duration_ms) ?? 0;
    totals.input_tokens += task.usage?.input_tokens ?? 0;
    totals.output_tokens += task.usage?.output_tokens ?? 0;
    totals.cached_input_tokens += task.usage?.cached_input_tokens ?? 0;
    totals.cost_usd += task.usage?.cost_usd ?? 0;
    totals.attempts += task.attempts ?? 0;
    totals.handshake_reminders += task.handshake_reminders ?? 0;
  }
  return {
    goal: plan.goal ?? null,
    total: plan.tasks.length,
    counts,
    runnable: runnableTasks(plan).map((task) => task.id),
    blocked: tasks.filter((row) => row.status === 'blocked').map((row) => ({ id: row.id, reason: row.blocked_reason })),
    paused: plan.tasks.filter((task) => taskStatus(task) === 'paused').map((task) => ({ id: task.id, until: task.paused_until ?? null, reason: task.paused_reason ?? null })),
    critical_path: criticalPath(plan),
    totals,
    tasks,
  };
}

/** `12 tasks: 3 done, 1 in_progress, 8 pending` (statuses with no task left out). */
export function formatCounts(summary: Pick<PlanSummary, 'total' | 'counts'>): string {
  const parts = TASK_STATUSES.filter((status) => summary.counts[status] > 0).map(
    (status) => `${summary.counts[status]} ${status}`,
  );
  return `${summary.total} task${summary.total === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
