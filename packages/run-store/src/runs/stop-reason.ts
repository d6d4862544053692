/** Why a run stopped launching tasks, as meta.json's `stopped_because` records it. */
export type StopReasonName = 'done' | 'blocked' | 'budget' | 'paused' | 'timeout' | 'stopped' | 'interrupted' | 'max_tasks' | 'detached' | 'failed';

/** meta.json's `stopped_because`: the reason, the tasks it concerns, and (paused) when the wait ends. */
export interface StopReason {
  reason: StopReasonName;
  /** A few words more: the blocked reasons, the budget passed, the error. */
  detail?: string;
  task_ids?: string[];
  /** paused: when the earliest paused task resumes (RFC 3339). */
  until?: string;
}

const NAMES = new Set<string>(['done', 'blocked', 'budget', 'paused', 'timeout', 'stopped', 'interrupted', 'max_tasks', 'detached', 'failed']);

/** meta.json's `stopped_because` if it is one (runs before it existed, or written by hand, have none). */
export function readStopReason(value: unknown): StopReason | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.reason !== 'string' || !NAMES.has(record.reason)) return null;
  const ids = Array.isArray(record.task_ids) ? record.task_ids.filter((id): id is string => typeof id === 'string') : [];
  return {
    reason: record.reason as StopReasonName,
    ...(typeof record.detail === 'string' && record.detail ? { detail: record.detail } : {}),
    ...(ids.length > 0 ? { task_ids: ids } : {}),
    ...(typeof record.until === 'string' && record.until ? { until: record.until } : {}),
  };
}

/**
 * The stop reason in a few words, for the run's summary line and `planwright status`:
 * `done`, `blocked: task_002 (timeout)`, `paused until 2026-12-07T02:00:00Z (task_003)`, `budget: ...`.
 *
 * @example
 * describeStop({ reason: 'blocked', task_ids: ['task_002'], detail: 'timeout' }); // 'blocked: task_002 (timeout)'
 */
export function describeStop(stop: StopReason): string {
  const tasks = stop.task_ids?.length ? ` ${stop.task_ids.join(', ')}` : '';
  const detail = stop.detail ? ` (${stop.detail})` : '';
  if (stop.reason === 'paused') return `paused${stop.until ? ` until ${stop.until}` : ''}${tasks ? ` (${tasks.trim()})` : ''}${stop.detail ? `: ${stop.detail}` : ''}`;
  if (stop.reason === 'max_tasks') return `max tasks reached${detail}`;
  if (stop.reason === 'detached') return `agents left running (--no-wait)${tasks ? `:${tasks}` : ''}`;
  return `${stop.reason}${tasks ? `:${tasks}` : ''}${detail}`;
}
