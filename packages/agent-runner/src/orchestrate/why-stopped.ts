import type { Plan } from '@planwright/plan-schema';
import type { StopReason } from '@planwright/run-store';
import type { TaskOutcome } from './options.js';

export interface WhyStoppedInput {
  outcomes: readonly TaskOutcome[];
  /** The plan as the run left it (paused tasks and what is still runnable are read from it). */
  plan: Plan;
  runId: string;
  interrupted: boolean;
  stopRequested: boolean;
  noWait: boolean;
  /** Set by the part that held launches for its own reason (a run budget, an agent paused). */
  halted?: StopReason;
  /** Runnable tasks were left because --max-tasks was reached. */
  runnableLeft: number;
}

/**
 * Why a run stopped, the first that applies: interrupted, control/stop, a hold (budget, pause), a
 * timeout, a task of this run still paused, blocked tasks, --max-tasks, else done.
 *
 * @example
 * whyStopped({ outcomes, plan, runId, interrupted: false, stopRequested: false, noWait: false, runnableLeft: 0 });
 * // { reason: 'blocked', task_ids: ['task_002'], detail: 'timeout' }
 */
export function whyStopped(input: WhyStoppedInput): StopReason {
  if (input.interrupted) return { reason: 'interrupted', detail: 'SIGINT/SIGTERM' };
  if (input.stopRequested) return { reason: 'stopped', detail: 'control/stop' };
  if (input.halted) return input.halted;
  const timedOut = input.outcomes.filter((outcome) => outcome.blockedReason === 'timeout');
  if (timedOut.length > 0) return { reason: 'timeout', task_ids: timedOut.map((outcome) => outcome.taskId) };
  if (input.noWait) return { reason: 'detached', task_ids: input.outcomes.map((outcome) => outcome.taskId) };
  const paused = pausedTasks(input.plan, input.runId);
  if (paused.length > 0) {
    const until = paused.map((task) => task.until).filter(Boolean).sort()[0];
    return { reason: 'paused', task_ids: paused.map((task) => task.id), ...(until ? { until } : {}) };
  }
  const blocked = input.outcomes.filter((outcome) => outcome.status === 'blocked');
  if (blocked.length > 0) {
    const reasons = [...new Set(blocked.map((outcome) => outcome.blockedReason ?? 'blocked'))];
    return { reason: 'blocked', task_ids: blocked.map((outcome) => outcome.taskId), detail: reasons.join('; ') };
  }
  if (input.runnableLeft > 0) return { reason: 'max_tasks', detail: `${input.runnableLeft} runnable left` };
  return { reason: 'done' };
}

// `paused` and `paused_until` are read loosely: a plan written by an older planwright has neither.
function pausedTasks(plan: Plan, runId: string): { id: string; until?: string }[] {
  return plan.tasks
    .filter((task) => (task.status as string) === 'paused' && (!task.last_run_id || task.last_run_id === runId))
    .map((task) => {
      const until = (task as Record<string, unknown>).paused_until;
      return { id: task.id, ...(typeof until === 'string' ? { until } : {}) };
    });
}
