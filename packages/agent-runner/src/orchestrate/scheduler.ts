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
}

export interface ScheduleResult {
  outcomes: TaskOutcome[];
  /** Runnable tasks were left unstarted because launches were held. */
  held: boolean;
}

/**
 * Runs tasks as slots free up: up to `concurrency` at once, never two that clash (same domain, or shared
 * files without domains), each at most once per invocation. A task whose dependencies become `done`
 * while others run (auto-verify) is started the moment a slot is free.
 */
export async function schedule(options: SchedulerOptions): Promise<ScheduleResult> {
  const running = new Map<string, { task: Task; finished: Promise<{ id: string; outcome: TaskOutcome }> }>();
  const started = new Set<string>();
  const outcomes: TaskOutcome[] = [];
  let held = false;
  for (;;) {
    if (started.size < options.maxTasks) {
      const waiting = (await options.runnable()).filter((task) => !started.has(task.id));
      if (waiting.length > 0 && options.holdLaunches()) held = true;
      else {
        for (const task of waiting) {
          if (running.size >= Math.max(1, options.concurrency) || started.size >= options.maxTasks) break;
          if (!canRunBeside(task, [...running.values()].map((entry) => entry.task))) continue;
          started.add(task.id);
          const finished = options.launch(task).then((outcome) => ({ id: task.id, outcome }));
          running.set(task.id, { task, finished });
        }
      }
    }
    if (running.size === 0) return { outcomes, held };
    const { id, outcome } = await Promise.race([...running.values()].map((entry) => entry.finished));
    running.delete(id);
    outcomes.push(outcome);
    options.onFinished?.(outcome);
  }
}
