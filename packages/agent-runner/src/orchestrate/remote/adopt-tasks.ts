import { loadPlan, markBlocked, taskStatus, type Task } from '@planwright/plan-schema';
import type { RemoteTaskReport } from '../executor.js';
import type { OrchestrateOptions, OrchestratorEvent, TaskOutcome } from '../options.js';
import type { ResolvedRun } from '../prepare-run.js';
import { finishRemoteTask } from './finish-remote-task.js';
import type { RemoteRun } from './remote-run.js';
import { placementWriter } from './run-remote-task.js';

/** A task an earlier coordinator sent that a worker still runs: the scheduler starts with it running. */
export interface AdoptedRun {
  task: Task;
  outcome: Promise<TaskOutcome>;
}

interface AdoptContext {
  run: ResolvedRun;
  remote: RemoteRun;
  options: OrchestrateOptions & { signal: AbortSignal };
  emit: (event: OrchestratorEvent) => void;
}

/**
 * A restarted coordinator finds the jobs of the tasks its predecessor left `in_progress` (before the
 * plan is synced, which would take them for interrupted): a finished job is integrated and recorded now,
 * a failed one blocks its task, a running one is awaited (returned, for the scheduler), an unknown one is
 * left to the sync. Every in_progress task with a run id is looked up, not only those a worker was seen
 * to take: a job still waiting in the queue has no worker yet, and must not be sent twice.
 */
export async function adoptTasks({ run, remote, options, emit }: AdoptContext): Promise<AdoptedRun[]> {
  const plan = await loadPlan(run.planFile);
  const adopted: AdoptedRun[] = [];
  for (const task of plan.tasks) {
    if (taskStatus(task) !== 'in_progress' || !task.last_run_id) continue;
    const claimRunId = task.last_run_id;
    const placing = placementWriter(run, task.id, emit, claimRunId);
    const found = await remote.executor.adopt({ pr: run.pr, runId: claimRunId, taskId: task.id }, { placed: placing.placed, signal: options.signal });
    const finish = async (report: RemoteTaskReport) => {
      await placing.settled();
      return finishRemoteTask({ run, task, report, baseSha: task.head_before ?? `${report.commit?.sha ?? 'HEAD'}~1`, claimRunId, remote, agent: task.agent ?? options.agent ?? run.config.agent ?? 'codex', emit });
    };
    if (found.state === 'finished') {
      const outcome = await finish(found.report);
      emit({ type: 'reconciled', taskId: task.id, from: 'in_progress', to: outcome.status, reason: `finished on ${found.report.placement.worker}` });
    } else if (found.state === 'failed') {
      const reason = `worker_failed: ${found.reason.split('\n')[0]}`;
      await run.writeTask(task.id, (entry) => {
        if (entry.status === 'in_progress' && entry.last_run_id === claimRunId) markBlocked(entry, reason);
      });
      emit({ type: 'reconciled', taskId: task.id, from: 'in_progress', to: 'blocked', reason });
    } else if (found.state === 'running') {
      if (found.placement) placing.placed(found.placement);
      adopted.push({ task, outcome: found.report.then(finish, (error: unknown) => blockedBy(run, task, claimRunId, options, error)) });
    }
  }
  return adopted;
}

/** An adopted job that failed for good, or the run interrupted while it waited for it. */
async function blockedBy(run: ResolvedRun, task: Task, claimRunId: string, options: AdoptContext['options'], error: unknown): Promise<TaskOutcome> {
  const reason = options.signal.aborted ? 'interrupted' : `worker_failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
  await run.writeTask(task.id, (entry) => {
    if (entry.status === 'in_progress' && entry.last_run_id === claimRunId) markBlocked(entry, reason);
  });
  return { taskId: task.id, status: 'blocked', blockedReason: reason, fallback: false, exitCode: null, durationMs: 0, resultsPath: run.layout.resultsPath(task.id), logPath: run.layout.agentLogPath(task.id) };
}
