import type { Task } from '@planwright/plan-schema';
import { canRunBeside } from './conflicts.js';
import type { TaskOutcome } from './options.js';

export interface SchedulerOptions {
  /** Tasks at once (at least 1). */
  concurrency: number;
  /** Tasks to start in this invocation at most (Infinity for no limit). */
  maxTasks: number;
  /** The runnable tasks now, read afresh (the plan changes as tasks finish), in launch order. */
  runnable: () => Promise<Task[]>;
  /** Runs one task to its outcome. */
  launch: (task: Task) => Promise<TaskOutcome>;
  /** No new launch once this says so (control/stop, an interrupt, a timeout). */
  holdLaunches: () => boolean;
  onFinished?: (outcome: TaskOutcome) => void;
  /**
   * A task, or a re-read of the plan, failed with an error (the run folder is gone, the disk is full):
   * nothing more is launched, and this should end the tasks still running, which are then waited for
   * before the error is thrown.
   */
  onError?: (error: unknown) => void;
}

export interface ScheduleResult {
  outcomes: TaskOutcome[];
  /** Runnable tasks were left unstarted because launches were held. */
  held: boolean;
}

type Settled = { id: string; outcome: TaskOutcome } | { id: string; error: unknown };

/**
 * Runs tasks as slots free up: up to `concurrency` at once, never two that clash (same domain, or shared
 * files without domains), each at most once per invocation. A task whose dependencies become `done`
 * while others run (auto-verify) is started the moment a slot is free. An error stops the launches; the
 * first one is thrown once every running task has settled, so no agent is left unsupervised.
 */
export async function schedule(options: SchedulerOptions): Promise<ScheduleResult> {
  const running = new Map<string, { task: Task; finished: Promise<Settled> }>();
  const started = new Set<string>();
  const outcomes: TaskOutcome[] = [];
  let held = false;
  let failure = undefined as { error: unknown } | undefined;
  const fail = (error: unknown) => {
    if (failure) return;
    failure = { error };
    options.onError?.(error);
  };
  for (;;) {
    if (!failure && started.size < options.maxTasks) {
      // The plan is read afresh each time: a hand edit that breaks it fails the run like a task would.
      const runnable = await options.runnable().catch((error: unknown) => {
        fail(error);
        return [] as Task[];
      });
      const waiting = runnable.filter((task) => !started.has(task.id));
      if (waiting.length > 0 && options.holdLaunches()) held = true;
      else {
        for (const task of waiting) {
          if (running.size >= Math.max(1, options.concurrency) || started.size >= options.maxTasks) break;
          if (!canRunBeside(task, [...running.values()].map((entry) => entry.task))) continue;
          started.add(task.id);
          const finished = options.launch(task).then(
            (outcome): Settled => ({ id: task.id, outcome }),
            (error: unknown): Settled => ({ id: task.id, error }),
          );
          running.set(task.id, { task, finished });
        }
      }
    }
    if (running.size === 0) {
      if (failure) throw failure.error;
      return { outcomes, held };
    }
    const settled = await Promise.race([...running.values()].map((entry) => entry.finished));
    running.delete(settled.id);
    if ('error' in settled) {
      fail(settled.error);
      continue;
    }
    outcomes.push(settled.outcome);
    options.onFinished?.(settled.outcome);
  }
}
