/**
 * Which agents are waiting out a usage limit, and until when: the scheduler launches no task of a paused
 * agent before its reset (the limit is the account's, so its other tasks would hit it too), while other
 * agents' tasks go on. A task waiting out its pause holds no slot of --concurrency. One gate per run;
 * pausing an agent again keeps the later reset.
 */
export interface PauseGate {
  pause(agent: string, taskId: string, until: Date): void;
  /** The task's wait is over (resumed, or the orchestrator stopped). */
  release(taskId: string): void;
  /** The reset the agent waits for, or undefined when it may run now. */
  pausedUntil(agent: string, now?: Date): Date | undefined;
  /** Tasks waiting out a pause now. */
  waitingTasks(): ReadonlySet<string>;
  /** Settles at the next pause or release: the scheduler looks again at what it may launch. */
  changed(): Promise<void>;
}

/** An empty gate. */
export function createPauseGate(): PauseGate {
  const until = new Map<string, Date>();
  const waiting = new Set<string>();
  let wake: () => void = () => undefined;
  let next = new Promise<void>((resolve) => (wake = resolve));
  const notify = () => {
    const done = wake;
    next = new Promise<void>((resolve) => (wake = resolve));
    done();
  };
  return {
    pause(agent, taskId, at) {
      const current = until.get(agent);
      if (!current || current < at) until.set(agent, at);
      waiting.add(taskId);
      notify();
    },
    release(taskId) {
      waiting.delete(taskId);
      notify();
    },
    pausedUntil(agent, now = new Date()) {
      const at = until.get(agent);
      if (at && at > now) return at;
      until.delete(agent);
      return undefined;
    },
    waitingTasks: () => waiting,
    changed: () => next,
  };
}
