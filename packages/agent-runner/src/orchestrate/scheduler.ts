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
   * Not before this time (its agent waits out a usage limit): the task is left for later, and the
   * scheduler looks again then. Undefined: it may start now.
   */
  notBefore?: (task: Task) => Date | undefined;
  /** Running tasks that only wait out a pause: they hold no slot of `concurrency`. */
  waiting?: () => ReadonlySet<string>;
  /** Settles when `notBefore` or `waiting` may have changed (a task paused or resumed). */
  changed?: () => Promise<void>;
  /**
   * A task, or a re-read of the plan, failed with an error (the run folder is gone, the disk is full):
   * nothing more is launched, and this should end the tasks still running, which are then waited for
   * before the error is thrown.
   */
  onError?: (error: unknown) => void;
  /**
   * Tasks already running when the scheduler starts (jobs an earlier coordinator sent, found again on
   * workers): each holds a slot and its domain like a task launched here, and its outcome counts.
   */
  adopted?: readonly { task: Task; outcome: Promise<TaskOutcome> }[];
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
  const ended = new Map<string, Settled>();
  const started = new Set<string>();
  const outcomes: TaskOutcome[] = [];
  let held = false;
  let failure = undefined as { error: unknown } | undefined;
  const fail = (error: unknown) => {
    if (failure) return;
    failure = { error };
    options.onError?.(error);
  };
  let wakeAt: number | undefined;
  for (const { task, outcome } of options.adopted ?? []) {
    started.add(task.id);
    running.set(task.id, { task, finished: settle(task.id, outcome, ended) });
  }
  const busy = () => running.size - [...(options.waiting?.() ?? [])].filter((id) => running.has(id)).length;
  for (;;) {
    wakeAt = undefined;
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
          if (busy() >= Math.max(1, options.concurrency) || started.size >= options.maxTasks) break;
          const later = options.notBefore?.(task);
          if (later && later.getTime() > Date.now()) {
            wakeAt = Math.min(wakeAt ?? Infinity, later.getTime());
            continue;
          }
          if (!canRunBeside(task, [...running.values()].map((entry) => entry.task))) continue;
          started.add(task.id);
          running.set(task.id, { task, finished: settle(task.id, options.launch(task), ended) });
        }
      }
    }
    if (running.size === 0 && (wakeAt === undefined || failure)) {
      if (failure) throw failure.error;
      return { outcomes, held };
    }
    const first = await Promise.race<Settled | undefined>([...[...running.values()].map((entry) => entry.finished), ...wakeUp(wakeAt, options)]);
    if (first === undefined) continue;
    // Every task that ended by now is taken in, not only the first: the plan is read again once for all
    // of them (a coordinator of workers records tasks in batches).
    for (const settled of [first, ...[...ended.values()].filter((entry) => entry.id !== first.id)]) {
      running.delete(settled.id);
      ended.delete(settled.id);
      if ('error' in settled) {
        fail(settled.error);
        continue;
      }
      outcomes.push(settled.outcome);
      options.onFinished?.(settled.outcome);
    }
  }
}

/** Settles with the task's outcome or error, which is also put in `ended` until the loop takes it. */
function settle(id: string, outcome: Promise<TaskOutcome>, ended: Map<string, Settled>): Promise<Settled> {
  return outcome.then(
    (value): Settled => ({ id, outcome: value }),
    (error: unknown): Settled => ({ id, error }),
  ).then((settled) => {
    ended.set(id, settled);
    return settled;
  });
}

/**
 * Settles (undefined) at `wakeAt`, when a pause begins or ends, or within a second when tasks wait for a
 * reset (a stop asked for meanwhile is seen then); never when there is nothing to wake for.
 */
function wakeUp(wakeAt: number | undefined, options: SchedulerOptions): Promise<undefined>[] {
  const wakers: Promise<undefined>[] = [];
  if (options.changed) wakers.push(options.changed().then(() => undefined));
  if (wakeAt !== undefined) {
    const ms = Math.max(0, Math.min(wakeAt - Date.now(), 1000));
    wakers.push(new Promise((resolve) => setTimeout(resolve, ms).unref()).then(() => undefined));
  }
  return wakers;
}
