import { updatePlan, type Meta, type Task } from '@planwright/plan-schema';
import { updateMeta, type RunLayout } from '@planwright/run-store';
import { batchedOrEach } from './batched.js';

/** Changes one task of the plan under the plan lock; resolves once the change is on disk. */
export type TaskWriter = (taskId: string, change: (task: Task) => void) => Promise<void>;

/** Changes the run's meta.json; resolves once the change is on disk. */
export type MetaWriter = (change: (meta: Meta) => void) => Promise<void>;

interface TaskChange {
  taskId: string;
  change: (task: Task) => void;
}

/** How a run writes its plan entries and its meta.json. */
export interface RunWriters {
  writeTask: TaskWriter;
  patchMeta: MetaWriter;
}

/**
 * One read-modify-write per change in a local run. Batched on workers (`batched`: every change handed in
 * while a write is under way goes into the next one): the coordinator claims, places and records every
 * task, and each whole-file rewrite costs it a read, a parse, a validation and an fsync.
 */
export function runWriters(planFile: string, layout: RunLayout, { batch }: { batch: boolean }): RunWriters {
  const applyTasks = async (changes: TaskChange[]) => {
    await updatePlan(planFile, (plan) => {
      const byId = new Map(plan.tasks.map((task) => [task.id, task]));
      for (const { taskId, change } of changes) {
        const entry = byId.get(taskId);
        if (entry) change(entry);
      }
    });
  };
  const applyMeta = async (changes: Array<(meta: Meta) => void>) => {
    await updateMeta(layout, (meta) => changes.forEach((change) => change(meta)));
  };
  if (!batch) return { writeTask: (taskId, change) => applyTasks([{ taskId, change }]), patchMeta: (change) => applyMeta([change]) };
  const tasks = batchedOrEach<TaskChange>(applyTasks, (change) => applyTasks([change]));
  const meta = batchedOrEach(applyMeta, (change) => applyMeta([change]));
  return { writeTask: (taskId, change) => tasks({ taskId, change }), patchMeta: meta };
}
