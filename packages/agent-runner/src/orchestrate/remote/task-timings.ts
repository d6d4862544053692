import { appendFile } from 'node:fs/promises';

/**
 * Where the coordinator's time goes for one task on a worker, phase by phase: what the workers benchmark
 * (`bench/workers.mjs`) prints. Off unless `PLANWRIGHT_TIMINGS` names a file; then each finished task
 * appends one JSON line `{ task, phases: { push: ms, claim: ms, … }, total }`. A phase is the time since
 * the previous mark, lock waits included (they are part of what a task costs the coordinator).
 */
export interface TaskTimings {
  /**
   * Ends the phase `name` now (a phase marked twice adds up). `share`: the phase served that many tasks
   * at once (a batch of integrations), and this task is charged its part.
   */
  mark(name: string, share?: number): void;
  /** Writes the line (once); never fails the task. */
  done(): Promise<void>;
}

const OFF: TaskTimings = { mark() {}, done: async () => {} };

/** The timings of `taskId`, recording only when `env.PLANWRIGHT_TIMINGS` names a file. */
export function taskTimings(taskId: string, env: NodeJS.ProcessEnv = process.env): TaskTimings {
  const file = env.PLANWRIGHT_TIMINGS;
  if (!file) return OFF;
  const started = performance.now();
  let last = started;
  let written = false;
  const phases: Record<string, number> = {};
  return {
    mark(name, share = 1) {
      const now = performance.now();
      phases[name] = round((phases[name] ?? 0) + (now - last) / Math.max(1, share));
      last = now;
    },
    async done() {
      if (written) return;
      written = true;
      const line = JSON.stringify({ task: taskId, phases, total: round(performance.now() - started) });
      await appendFile(file, `${line}\n`).catch(() => undefined);
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
