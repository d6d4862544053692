import type { Results } from '../schemas/results.js';
import { normalizeResults } from './normalize-results.js';

/** The ids a result must carry to count for this task of this invocation. */
export interface HandshakeIds {
  taskId: string;
  runId: string;
}

/**
 * What results data says about one task of one invocation. `stale`: well-formed, but for another run or
 * task (`mismatch` says which ids differ); never trusted. `invalid`: not results at all.
 */
export type HandshakeCheck =
  | { state: 'valid'; results: Results }
  | { state: 'stale'; results: Results; mismatch: ('task_id' | 'run_id')[] }
  | { state: 'invalid'; reason: string };

/**
 * The handshake's trust rule: results count only when their `task_id` and `run_id` are this task's and
 * this invocation's, and their status is one of RESULT_STATUSES (kit aliases read as the kit did).
 *
 * @example
 * const check = checkHandshake(JSON.parse(text), { taskId: 'task_001', runId });
 * if (check.state === 'stale' && check.mismatch.join() === 'run_id') console.log('copied from an older brief');
 */
export function checkHandshake(data: unknown, ids: HandshakeIds): HandshakeCheck {
  const normalized = normalizeResults(data);
  if (!normalized.ok) return { state: 'invalid', reason: normalized.reason };
  const { results } = normalized;
  const mismatch: ('task_id' | 'run_id')[] = [];
  if (results.task_id !== ids.taskId) mismatch.push('task_id');
  if (results.run_id !== ids.runId) mismatch.push('run_id');
  return mismatch.length === 0 ? { state: 'valid', results } : { state: 'stale', results, mismatch };
}
