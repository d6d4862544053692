import type { Task } from '@planwright/plan-schema';
import type { RemoteTaskRequest, RemoteTaskSettings } from '../executor.js';
import type { OrchestrateOptions } from '../options.js';
import type { ResolvedRun } from '../prepare-run.js';

/** The branch a worker pushes a task's commit to. */
export function taskBranchFor(pr: string, taskId: string): string {
  return `planwright/${pr}/${taskId}`;
}

/**
 * The settled options a worker applies to its one-task run: values only, never a path of this machine
 * or a secret. The task's own agent and timeout win, as in a local run.
 */
export function remoteSettings(run: ResolvedRun, task: Task, options: OrchestrateOptions): RemoteTaskSettings {
  return {
    agent: task.agent ?? options.agent ?? run.config.agent ?? 'codex',
    model: run.model,
    sandbox: run.sandbox,
    approval: run.approval,
    handshake: run.handshake,
    handshakeReminders: run.handshakeReminders,
    timeoutMinutes: task.timeout_minutes ?? run.timeoutMinutes,
    timeoutGraceSeconds: run.timeoutGraceSeconds,
    resultsGraceSeconds: run.resultsGraceSeconds,
    stallMinutes: run.stallMinutes,
    maxPauseMinutes: run.maxPauseMinutes,
    autoVerify: run.autoVerify,
    retries: run.retries,
    verifyTimeoutMinutes: run.verifyTimeoutMinutes,
  };
}

/** One claimed task as a job: the plan entry, where its base is, where its commit goes, how to run it. */
export function remoteRequest(run: ResolvedRun, task: Task, options: OrchestrateOptions, git: { remoteUrl: string; prBranch: string; baseSha: string }): RemoteTaskRequest {
  return {
    pr: run.pr,
    runId: run.runId,
    task,
    ...(run.goal ? { goal: run.goal } : {}),
    remote: git.remoteUrl,
    prBranch: git.prBranch,
    baseSha: git.baseSha,
    taskBranch: taskBranchFor(run.pr, task.id),
    settings: remoteSettings(run, task, options),
  };
}
