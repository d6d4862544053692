import { formatJsonPath } from '../json/format-path.js';
import { RESULT_STATUSES, ResultsSchema, type Results } from '../schemas/results.js';

export type NormalizedResults = { ok: true; results: Results } | { ok: false; reason: string };

// What the kit's orchestrator accepted as "finished" besides `completed`.
const COMPLETED_ALIASES = new Set(['completed', 'complete', 'done', 'success', 'succeeded', 'ok']);

/**
 * Reads results data the way the Python kit did: `task` or `id` stand for `task_id`, `state` for
 * `status`, a missing status means `completed`, and `done`/`success` are `completed`. A missing run_id
 * reads as '' (it matches no run). Unknown keys are kept.
 */
export function normalizeResults(data: unknown): NormalizedResults {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'expected a JSON object' };
  const record = data as Record<string, unknown>;
  const taskId = [record.task_id, record.task, record.id].find((value) => typeof value === 'string' && value !== '');
  if (taskId === undefined) return { ok: false, reason: 'task_id: missing' };
  const rawStatus = record.status ?? record.state;
  let status: string;
  if (rawStatus === undefined || rawStatus === null || rawStatus === '') status = 'completed';
  else if (typeof rawStatus !== 'string') return { ok: false, reason: `status: expected a string, got ${JSON.stringify(rawStatus)}` };
  else status = COMPLETED_ALIASES.has(rawStatus.toLowerCase()) ? 'completed' : rawStatus.toLowerCase();
  if (!(RESULT_STATUSES as readonly string[]).includes(status)) {
    return { ok: false, reason: `status: unknown status ${JSON.stringify(rawStatus)} (allowed: ${RESULT_STATUSES.join(', ')})` };
  }
  const runId = typeof record.run_id === 'string' || typeof record.run_id === 'number' ? String(record.run_id) : '';
  const parsed = ResultsSchema.safeParse({ ...record, task_id: taskId, run_id: runId, status });
  if (parsed.success) return { ok: true, results: parsed.data };
  const [issue] = parsed.error.issues;
  return { ok: false, reason: `${formatJsonPath(issue?.path ?? [])}: ${issue?.message ?? 'invalid'}` };
}
