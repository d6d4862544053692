import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { timestamp, type Results } from '@planwright/plan-schema';
import { writeJsonAtomic } from '../files/json-file.js';
import { errorCode, fsError } from '../fs-errors.js';
import type { RunLayout } from '../layout/run-layout.js';
import { readLogTail } from './log-tail.js';

export interface FallbackResultsOptions {
  taskId: string;
  runId: string;
  /** `completed` only when the orchestrator decided for the agent (its verify commands passed). */
  status: 'completed' | 'partial' | 'failed' | 'timeout';
  /** What happened, for the planner: "Agent timed out; process group terminated." */
  note: string;
  exitCode: number | null;
  /** The agent's log (default `<run>/agent_<id>.log`); its tail goes into the results. */
  logPath?: string;
  /** More keys: the agent's own error message, thread id, usage... */
  extra?: Record<string, unknown>;
}

const OWN_KEYS = ['task_id', 'run_id', 'status', 'note', 'generated_by', 'generated_at', 'exit_code', 'log_path', 'log_tail'];

/**
 * Writes results/<id>.json for an agent that ended without valid results (timeout, crash, exit without
 * a handshake), so the planner always has something to read: `generated_by: 'planwright'`,
 * `generated_at`, `note`, `exit_code`, `log_path` and `log_tail` (last 200 lines / 128 KB of the log).
 *
 * @example
 * await writeFallbackResults(layout, { taskId: 'task_001', runId, status: 'partial', note: 'Agent exited with code 1 before writing results.', exitCode: 1 });
 */
export async function writeFallbackResults(layout: RunLayout, options: FallbackResultsOptions): Promise<Results> {
  const logPath = options.logPath ?? layout.agentLogPath(options.taskId);
  const logExists = existsSync(logPath);
  let tail = '';
  if (logExists) {
    try {
      tail = await readLogTail(logPath);
    } catch (error) {
      tail = `(the log could not be read: ${errorCode((error as Error).cause) ?? (error as Error).message})`;
    }
  }
  const extra = Object.fromEntries(Object.entries(options.extra ?? {}).filter(([key]) => !OWN_KEYS.includes(key)));
  const results: Results = {
    task_id: options.taskId,
    run_id: options.runId,
    status: options.status,
    ...extra,
    note: options.note,
    generated_by: 'planwright',
    generated_at: timestamp(),
    exit_code: options.exitCode,
    ...(logExists || options.logPath ? { log_path: logPath } : {}),
    ...(tail.trim() ? { log_tail: tail } : {}),
  };
  try {
    await mkdir(layout.resultsDir, { recursive: true });
  } catch (error) {
    throw fsError('create', layout.resultsDir, error);
  }
  await writeJsonAtomic(layout.resultsPath(options.taskId), results);
  return results;
}
