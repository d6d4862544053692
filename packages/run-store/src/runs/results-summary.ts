import type { RunLayout } from '../layout/run-layout.js';
import { readResultsFile } from '../results/check-results.js';

/** What show and doctor say about a task's results file. */
export interface ResultsSummary {
  path: string;
  /** `stale`: written for another run or task than the run's meta.json names. */
  state: 'valid' | 'missing' | 'invalid' | 'stale';
  status: string | null;
  summary: string | null;
  run_id: string | null;
  /** Why an invalid file is unusable. */
  reason: string | null;
  /** Written by the orchestrator as a fallback (generated_by). */
  fallback: boolean;
}

/** Reads results/<id>.json and checks it against the task and (when known) the run's invocation id. */
export async function summarizeResults(layout: RunLayout, taskId: string, runId: string | undefined): Promise<ResultsSummary> {
  const path = layout.resultsPath(taskId);
  const base = { path, status: null, summary: null, run_id: null, reason: null, fallback: false };
  const file = await readResultsFile(path);
  if (file.state === 'missing') return { ...base, state: 'missing' };
  if (file.state === 'invalid') return { ...base, state: 'invalid', reason: file.reason };
  const { results } = file;
  const matches = results.task_id === taskId && (runId === undefined || results.run_id === runId);
  return {
    ...base,
    state: matches ? 'valid' : 'stale',
    status: results.status,
    summary: typeof results.summary === 'string' ? results.summary : (results.note ?? null),
    run_id: results.run_id || null,
    fallback: Boolean(results.generated_by),
  };
}
