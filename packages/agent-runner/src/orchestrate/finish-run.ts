import { loadPlan, runnableTasks } from '@planwright/plan-schema';
import { isStopRequested, updateMeta, type StopReason } from '@planwright/run-store';
import type { OrchestrateOptions, TaskOutcome } from './options.js';
import type { ResolvedRun } from './prepare-run.js';
import { whyStopped } from './why-stopped.js';

/**
 * The end of a run: why it stopped, recorded in meta.json (`stopped_because`, which `planwright status`
 * shows), sent as `run_finished` to the --notify targets, and every notification waited for, so none
 * is cut off when the process exits.
 */
export async function finishRun(run: ResolvedRun, outcomes: readonly TaskOutcome[], options: OrchestrateOptions): Promise<StopReason> {
  // Read again: tasks paused or made runnable by this run are in plan.json, not in the outcomes.
  const plan = await loadPlan(run.planFile).catch(() => run.plan);
  const started = new Set(outcomes.map((outcome) => outcome.taskId));
  const runnableLeft = options.taskId ? 0 : runnableTasks(plan).filter((task) => !started.has(task.id)).length;
  const stop = whyStopped({
    outcomes,
    plan,
    runId: run.runId,
    interrupted: options.signal?.aborted === true,
    stopRequested: isStopRequested(run.layout),
    noWait: run.noWait === true,
    halted: run.halted,
    runnableLeft,
  });
  await updateMeta(run.layout, { stopped_because: stop });
  const reason = [stop.reason, stop.task_ids?.join(', '), stop.until && `until ${stop.until}`, stop.detail].filter(Boolean).join(': ');
  await run.notifier.notify({ event: 'run_finished', reason });
  await run.notifier.settled();
  return stop;
}
