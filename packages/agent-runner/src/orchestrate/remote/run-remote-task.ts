import { markBlocked, type Task } from '@planwright/plan-schema';
import { claimTask, releaseClaim } from '../claim-task.js';
import type { RemoteTaskReport, TaskPlacement } from '../executor.js';
import type { OrchestrateOptions, OrchestratorEvent, TaskOutcome } from '../options.js';
import type { ResolvedRun } from '../prepare-run.js';
import { finishRemoteTask } from './finish-remote-task.js';
import type { RemoteRun } from './remote-run.js';
import { remoteRequest, remoteSettings } from './remote-request.js';
import { taskTimings } from './task-timings.js';

export interface RunRemoteTaskContext {
  run: ResolvedRun;
  task: Task;
  remote: RemoteRun;
  /** The run's options; `signal` aborts every task of the run (SIGINT, or another task's error). */
  options: OrchestrateOptions & { signal: AbortSignal };
  emit: (event: OrchestratorEvent) => void;
}

/**
 * One task on a worker: the PR branch pushed (so the task starts from a commit with its dependencies),
 * the task claimed with that commit as its `head_before`, the job sent, where it runs written to the plan
 * as workers take it, then the report integrated and recorded (finishRemoteTask). A job withdrawn by
 * control/stop gives the claim back; a job that failed for good blocks the task `worker_failed: ...`.
 */
export async function runRemoteTask({ run, task, remote, options, emit }: RunRemoteTaskContext): Promise<TaskOutcome> {
  const started = Date.now();
  const base = { taskId: task.id, resultsPath: run.layout.resultsPath(task.id), logPath: run.layout.agentLogPath(task.id) };
  const timings = taskTimings(task.id, options.env ?? process.env);
  const pushed = await remote.baseFor(task, timings.mark);
  timings.mark('push');
  let claimed = task;
  const before = await claimTask(run, task, (entry) => {
    entry.head_before = pushed.sha;
    // Where an earlier attempt ran is not where this one runs.
    delete entry.host;
    delete entry.worker;
    delete entry.attempt;
    claimed = structuredClone(entry);
  });
  timings.mark('claim');
  if (!before) return { ...base, status: 'skipped', fallback: false, exitCode: null, durationMs: 0, summary: 'taken by another orchestrator' };
  const settings = remoteSettings(run, task, options);
  const request = remoteRequest(run, claimed, options, { remoteUrl: remote.git.remoteUrl, prBranch: pushed.branch, baseSha: pushed.sha });
  const placing = placementWriter(run, task.id, emit);
  const placed = (placement: TaskPlacement) => {
    // The first placement ends the enqueue: the job added, seen by a worker, and its progress back.
    if (!placing.placedOnce()) timings.mark('enqueue');
    placing.placed(placement);
  };
  let report: RemoteTaskReport;
  try {
    report = await remote.executor.execute(request, { placed, signal: remote.signalFor(task.id, options.signal) });
    timings.mark('worker');
  } catch (error) {
    // A withdrawal may be under way: its list says whether this job was one.
    await remote.holding;
    await placing.settled();
    // Withdrawn: named by holdLaunches, or a job no worker ever took that ended once launches were held
    // or the run was interrupted (SIGINT withdraws the run's untaken jobs). Its task goes back to how it
    // was, as a local run leaves a task it never started.
    if (remote.withdrawn.has(task.id) || (!placing.placedOnce() && (remote.held || options.signal.aborted))) {
      await releaseClaim(run, before);
      const why = options.signal.aborted ? 'the run was interrupted' : 'withdrawn by control/stop';
      return { ...base, status: 'skipped', fallback: false, exitCode: null, durationMs: Date.now() - started, summary: `${why} before a worker took it` };
    }
    const reason = options.signal.aborted ? 'interrupted' : `worker_failed: ${oneLine(error)}`;
    await run.writeTask(task.id, (entry) => {
      if (entry.status === 'in_progress' && entry.last_run_id === run.runId) markBlocked(entry, reason);
    });
    return { ...base, status: 'blocked', blockedReason: reason, fallback: false, exitCode: null, durationMs: Date.now() - started };
  }
  await placing.settled();
  timings.mark('placement write');
  const outcome = await finishRemoteTask({ run, task, report, baseSha: pushed.sha, claimRunId: run.runId, remote, agent: settings.agent, emit, timings });
  await timings.done();
  return outcome;
}

/**
 * Writes each placement (host, worker, attempt) on the plan entry as the executor reports it, one after
 * the other, and says it, once per placement; a plan that cannot be written then only costs the display.
 */
export function placementWriter(run: ResolvedRun, taskId: string, emit: (event: OrchestratorEvent) => void, claimRunId = run.runId) {
  let chain = Promise.resolve();
  let placedOnce = false;
  let last = '';
  const placed = (placement: TaskPlacement) => {
    // The same placement told twice (an adopted job: by the queue's record and by the wait that follows) is said once.
    const key = `${placement.host}\0${placement.worker}\0${placement.attempt}`;
    if (key === last) return;
    last = key;
    placedOnce = true;
    emit({ type: 'placed', taskId, ...placement });
    chain = chain
      .then(() =>
        run.writeTask(taskId, (entry) => {
          if (entry.status !== 'in_progress' || entry.last_run_id !== claimRunId) return;
          Object.assign(entry, { host: placement.host, worker: placement.worker, attempt: placement.attempt });
        }),
      )
      .then(
        () => undefined,
        (error: unknown) => emit({ type: 'warning', message: `${taskId}: where it runs could not be written to the plan (${oneLine(error)})` }),
      );
  };
  return { placed, settled: () => chain, placedOnce: () => placedOnce };
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim() || 'the job failed';
}
