import { basename } from 'node:path';
import { markAgentDone, markBlocked, taskStatus, type Task, type TaskStatus } from '@planwright/plan-schema';
import { compareRunIds } from '../layout/run-id.js';
import type { AgentState } from './agent-state.js';
import type { ResultsCandidate } from './collect-results.js';

/** One status change sync-plan makes (or, in a dry run, would make). */
export interface SyncChange {
  task_id: string;
  from: TaskStatus;
  to: 'agent_done' | 'blocked';
  /** blocked_reason for `blocked`: `agent_reported_<status>`, `timeout` or `interrupted`. */
  reason: string | null;
  /** `results`: from a results file; `interrupted`: in_progress, agent gone, no results. */
  source: 'results' | 'interrupted';
  run_id: string | null;
  run_dir: string | null;
  results_path: string | null;
  results_status: string | null;
}

// Results that mean the agent did not finish: the planner must look before anything else runs on it.
const BLOCKING = new Set(['partial', 'failed', 'timeout', 'blocked']);

/**
 * What sync-plan does to one task. Done and deferred tasks are never touched, and sync never sets
 * `done`. Results apply to an in_progress task when they are from its run or a later one, and to any
 * other task only when they are from a run after its `last_run_id` (or recorded `run_dir`): a task the
 * planner re-opened is not flipped back by old results. A task with no run recorded takes its newest
 * results, as the kit's sync did. An in_progress task without results whose agent is gone is `interrupted`.
 * A `paused` task is left as it is, whatever its agent: it waits for a reset, and the next orchestrator
 * start resumes its session (only results of a later run, as for any open task, change it).
 */
export function decideSync(task: Task, candidate: ResultsCandidate | undefined, agent: AgentState | undefined): SyncChange | undefined {
  const from = taskStatus(task);
  if (from === 'done' || from === 'deferred') return undefined;
  if (candidate && resultsApply(task, from, candidate)) {
    const status = candidate.results.status;
    const to = BLOCKING.has(status) ? 'blocked' : 'agent_done';
    const reason = to === 'blocked' ? (status === 'timeout' ? 'timeout' : `agent_reported_${status}`) : null;
    if (to === from) return undefined;
    return {
      task_id: task.id,
      from,
      to,
      reason,
      source: 'results',
      run_id: candidate.run_id,
      run_dir: candidate.run_dir,
      results_path: candidate.path,
      results_status: status,
    };
  }
  if (from === 'in_progress' && agent?.state === 'gone') {
    return {
      task_id: task.id,
      from,
      to: 'blocked',
      reason: 'interrupted',
      source: 'interrupted',
      run_id: task.last_run_id ?? null,
      run_dir: task.run_dir ?? null,
      results_path: null,
      results_status: null,
    };
  }
  return undefined;
}

function resultsApply(task: Task, status: TaskStatus, candidate: ResultsCandidate): boolean {
  const last = task.last_run_id;
  // In progress, the task's own run counts; otherwise only a later one (the planner re-opened it).
  const from = status === 'in_progress' ? 0 : 1;
  if (last) return compareRunIds(candidate.run_id, last) >= from;
  // The kit recorded only run_dir: results from an earlier run folder belong to an earlier attempt.
  if (task.run_dir) return compareRunIds(basename(candidate.run_dir), basename(task.run_dir)) >= from;
  // No run recorded at all (the kit's runs, or runs whose plan update was lost): as the kit, the newest
  // results decide, whatever the open status.
  return true;
}

/** Applies a change to the task in place, with the plan-schema status helpers. */
export function applySync(task: Task, change: SyncChange, at: Date): void {
  if (change.to === 'agent_done') markAgentDone(task, { at });
  else markBlocked(task, change.reason ?? 'blocked', { at });
  // Results of a later run end a pause: nothing is left to resume.
  delete task.paused_until;
  delete task.paused_reason;
  if (change.source === 'results') {
    task.last_run_id = change.run_id;
    task.run_dir = change.run_dir;
  }
}
