import type { Task } from '@planwright/plan-schema';
import type { RemoteTaskReport } from '../executor.js';
import type { OrchestratorEvent, TaskOutcome } from '../options.js';
import type { ResolvedRun } from '../prepare-run.js';
import { recordOutcome, type Verdict } from '../record-outcome.js';
import { writeRemoteFiles } from './remote-files.js';
import type { RemoteRun } from './remote-run.js';
import { taskBranchFor } from './remote-request.js';
import type { TaskTimings } from './task-timings.js';

export interface FinishRemoteTask {
  run: ResolvedRun;
  task: Task;
  report: RemoteTaskReport;
  /** The commit the task started from (its request's `baseSha`). */
  baseSha: string;
  /** The run that claimed it: this one, or an earlier coordinator's for an adopted task. */
  claimRunId: string;
  /** The run's workers side: its plan reads and its batches of integrations. */
  remote: Pick<RemoteRun, 'land' | 'readPlan'>;
  agent: string;
  emit: (event: OrchestratorEvent) => void;
  /** PLANWRIGHT_TIMINGS: the phases below are marked on it. */
  timings?: TaskTimings;
}

/**
 * What the coordinator does with a worker's report: integrate the reported commit (a conflict blocks the
 * task naming the files, and changes nothing), write the results and the log tail into this run's
 * folder, record the outcome in plan.json (it is the only writer), and say how the task ended. A report
 * for a task that is no longer this claim's (recorded already, or taken back by a person) lands nothing.
 */
export async function finishRemoteTask(input: FinishRemoteTask): Promise<TaskOutcome> {
  const { run, task, report, emit } = input;
  const mark = (phase: string, share?: number) => input.timings?.mark(phase, share);
  const base = { taskId: task.id, resultsPath: run.layout.resultsPath(task.id), logPath: run.layout.agentLogPath(task.id) };
  const current = (await input.remote.readPlan()).tasks.find((entry) => entry.id === task.id);
  mark('plan read');
  if (current?.status !== 'in_progress' || current.last_run_id !== input.claimRunId) {
    emit({ type: 'warning', message: `${task.id}: a report from ${report.placement.worker} came after the task was settled (${current?.status ?? 'gone'}); nothing of it is integrated` });
    return { ...base, status: 'skipped', fallback: false, exitCode: report.exitCode, durationMs: report.durationMs, summary: 'reported after it was settled' };
  }
  let verdict: Verdict = { status: report.status, blockedReason: report.blockedReason, verified: report.verified };
  let commit: { before: string; after: string } | undefined;
  if (report.commit && report.status !== 'blocked') {
    const integrated = await input.remote.land({ taskId: task.id, commit: report.commit, baseSha: input.baseSha, mark });
    if ('conflicts' in integrated) {
      emit({ type: 'merge', taskId: task.id, method: 'conflict', conflicts: integrated.conflicts });
      verdict = { status: 'blocked', verified: report.verified, blockedReason: `merge_conflict: ${integrated.conflicts.join(', ')}` };
    } else {
      commit = integrated.commit;
      emit({ type: 'commit', taskId: task.id, sha: report.commit.sha, note: `from ${report.placement.worker}, ${integrated.method}` });
    }
  }
  await writeRemoteFiles({ layout: run.layout, taskId: task.id, runId: run.runId, report, branch: taskBranchFor(run.pr, task.id) });
  mark('results+log');
  const account = { thread_id: report.threadId ?? null, usage: report.usage ?? null, duration_ms: report.durationMs, attempts: report.attempts, reminders: report.reminders };
  const { host, worker, attempt } = report.placement;
  await recordOutcome(run, task, verdict, account, commit, report.exitCode, input.agent, (entry) => Object.assign(entry, { host, worker, attempt }));
  mark('record');
  return {
    ...base,
    status: verdict.status,
    resultStatus: report.resultStatus,
    blockedReason: verdict.blockedReason,
    fallback: false,
    exitCode: report.exitCode,
    sessionId: report.threadId,
    usage: report.usage,
    durationMs: report.durationMs,
    attempts: report.attempts,
    reminders: report.reminders,
    verified: verdict.verified,
    commit,
    summary: report.summary,
  };
}
