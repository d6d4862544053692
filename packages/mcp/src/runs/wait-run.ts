import { ACTIVE_RUN_STATUSES } from '@planwright/run-store';
import { loadPlan, taskStatus } from '@planwright/plan-schema';
import type { PrPaths } from '../server/context.js';
import { findRun } from './find-run.js';
import { diffStatuses, type StatusChange, type Statuses } from './status-diff.js';

export interface WaitRunOptions {
  paths: PrPaths;
  /** The run to wait on (default: the PR's newest). */
  runId?: string;
  timeoutSeconds: number;
  /** The task statuses to report changes against (default: the plan as it is when the wait starts). */
  baseline?: Statuses;
  signal?: AbortSignal;
  /** Called about once a second while nothing has changed, and on each change. */
  onProgress?: (elapsedSeconds: number, message: string) => Promise<void> | void;
  pollMs?: number;
}

export interface WaitRunResult {
  run_id: string | null;
  run_dir: string;
  run_status: string;
  /** False once the orchestrator has ended (completed, stopped, failed, timeout). */
  active: boolean;
  waited_seconds: number;
  /** True when the wait ended because time ran out, not because something changed. */
  timed_out: boolean;
  changes: StatusChange[];
  finished: string[];
  blocked: string[];
  verified: string[];
  /** Every task's status now: the baseline of the next wait. */
  statuses: Statuses;
}

/**
 * Waits up to `timeoutSeconds` for a run to change something: a task finished by its agent, blocked or
 * verified in plan.json, or the run ending (a task that only started does not end the wait). Returns
 * every status change against the baseline.
 */
export async function waitRun(options: WaitRunOptions): Promise<WaitRunResult> {
  const started = Date.now();
  const baseline = options.baseline ?? (await statusesOf(options.paths));
  let lastTick = 0;
  for (;;) {
    const run = await findRun(options.paths, options.runId);
    const statuses = await statusesOf(options.paths);
    const changes = diffStatuses(baseline, statuses);
    const active = ACTIVE_RUN_STATUSES.has(run.status);
    const elapsed = (Date.now() - started) / 1000;
    const timedOut = elapsed >= options.timeoutSeconds;
    // A task that merely started is reported, but is not worth waking the planner for.
    const settled = changes.some((change) => change.to !== 'in_progress');
    if (settled || !active || timedOut || options.signal?.aborted) {
      return {
        run_id: run.run_id,
        run_dir: run.run_dir,
        run_status: run.status,
        active,
        waited_seconds: Math.round(elapsed * 10) / 10,
        timed_out: timedOut && !settled && active,
        changes,
        finished: changes.filter((change) => change.to === 'agent_done').map((change) => change.id),
        blocked: changes.filter((change) => change.to === 'blocked').map((change) => change.id),
        verified: changes.filter((change) => change.to === 'done').map((change) => change.id),
        statuses,
      };
    }
    if (elapsed - lastTick >= 1) {
      lastTick = elapsed;
      await options.onProgress?.(Math.floor(elapsed), `run ${run.run_id ?? run.name}: ${run.status}, waited ${Math.floor(elapsed)} s`);
    }
    await sleep(options.pollMs ?? 200, options.signal);
  }
}

/** Every task's status in the PR's plan. */
export async function statusesOf(paths: PrPaths): Promise<Statuses> {
  const plan = await loadPlan(paths.file, { label: paths.label });
  return Object.fromEntries(plan.tasks.map((task) => [task.id, taskStatus(task)]));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
