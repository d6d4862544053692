import { startTask, updatePlan, type Task } from '@planwright/plan-schema';
import type { ResolvedRun } from './prepare-run.js';

/**
 * Claims a task under the plan lock: `in_progress` for this run, one more attempt. Returns the entry as
 * it was before, or undefined when it is no longer what the scheduler saw (another orchestrator on this
 * PR took it since it was picked): a task must never run twice at once. Local and remote tasks share it.
 */
export async function claimTask(run: ResolvedRun, task: Task, extra?: (entry: Task) => void): Promise<Task | undefined> {
  const expected = task.status ?? 'pending';
  let before: Task | undefined;
  await run.writeTask(task.id, (entry) => {
    if ((entry.status ?? 'pending') !== expected) return;
    before = structuredClone(entry);
    startTask(entry, { runDir: run.layout.runDir, runId: run.runId });
    entry.attempts = (entry.attempts ?? 0) + 1;
    extra?.(entry);
  });
  return before;
}

/** Puts a claimed task back as it was before the claim, unless someone changed it since. */
export async function releaseClaim(run: ResolvedRun, before: Task): Promise<void> {
  await updatePlan(run.planFile, (plan) => {
    const index = plan.tasks.findIndex((entry) => entry.id === before.id);
    const current = plan.tasks[index];
    if (current?.status === 'in_progress' && current.last_run_id === run.runId) plan.tasks[index] = before;
  });
}
