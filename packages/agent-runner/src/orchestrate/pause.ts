import { setTimeout as sleep } from 'node:timers/promises';
import { markPaused, startTask, timestamp, type Task } from '@planwright/plan-schema';
import { updateMeta, updateTaskRunState } from '@planwright/run-store';
import type { OrchestrateOptions, OrchestratorEvent } from './options.js';
import type { PauseGate } from './pause-gate.js';
import type { ResolvedRun } from './prepare-run.js';
import { setTaskState } from './record-outcome.js';

export interface PauseInput {
  run: ResolvedRun;
  task: Task;
  agent: string;
  until: Date;
  reason: string;
  /** The session to resume after the reset, kept in plan.json so a restart can resume it too. */
  sessionId?: string;
  gate: PauseGate;
  options: OrchestrateOptions;
  emit: (event: OrchestratorEvent) => void;
}

/**
 * Waits out a usage limit: the task is `paused` in plan.json (until, reason, its session) before the wait,
 * so a crash or kill during it leaves a task the next start resumes; no task of the same agent starts
 * meanwhile. Returns true once the reset has passed and the task is `in_progress` again; false when the
 * orchestrator was stopped during the wait (the task stays paused).
 */
export async function waitOutPause(input: PauseInput): Promise<boolean> {
  const { run, task, until, reason, options } = input;
  input.gate.pause(input.agent, task.id, until);
  if (run.syncPlan) {
    await setTaskState(run.planFile, task.id, (entry) => {
      markPaused(entry, { until, reason });
      if (input.sessionId) entry.thread_id = input.sessionId;
      entry.last_agent = input.agent;
    });
  }
  await updateTaskRunState(run.layout, task.id, { status: 'paused', thread_id: input.sessionId ?? null });
  await updateMeta(run.layout, { status: 'paused' });
  input.emit({ type: 'task-paused', taskId: task.id, agent: input.agent, until: until.toISOString(), reason });
  void run.notifier.notify({ event: 'task_paused', task_id: task.id, reason, until: timestamp(until) });
  const resumed = await sleepUntil(until, options.signal);
  input.gate.release(task.id);
  if (!resumed) return false;
  if (run.syncPlan) await setTaskState(run.planFile, task.id, (entry) => void startTask(entry, { runDir: run.layout.runDir, runId: run.runId }));
  return true;
}

/** The pause a task was left in by an earlier invocation (killed during its wait), to resume it. */
export function earlierPause(task: Task, now: Date = new Date()): { until: Date; sessionId?: string; reason: string } | undefined {
  if (task.status !== 'paused') return undefined;
  const at = task.paused_until ? new Date(task.paused_until) : now;
  return { until: Number.isNaN(at.getTime()) ? now : at, sessionId: task.thread_id ?? undefined, reason: task.paused_reason ?? 'usage limit' };
}

async function sleepUntil(until: Date, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return false;
  const ms = until.getTime() - Date.now();
  if (ms <= 0) return true;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
