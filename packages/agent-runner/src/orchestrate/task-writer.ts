import { updatePlan, type Task } from '@planwright/plan-schema';
import { batched, type ItemResult } from './batched.js';

/** Changes one task of the plan under the plan lock; resolves once the change is on disk. */
export type TaskWriter = (taskId: string, change: (task: Task) => void) => Promise<void>;

/** One change of the plan per call: a read, a validation and a durable write each. */
export function directTaskWriter(planFile: string): TaskWriter {
  return async (taskId, change) => {
    await updatePlan(planFile, (plan) => {
      const entry = plan.tasks.find((candidate) => candidate.id === taskId);
      if (entry) change(entry);
    });
  };
}

interface TaskChange {
  taskId: string;
  change: (task: Task) => void;
}

/**
 * The changes of many tasks made together: every change handed in while one write is under way goes
 * into the next, one read-modify-write of plan.json for all of them (a coordinator of workers claims,
 * places and records hundreds of tasks; each whole-plan rewrite costs it a parse, a validation and an
 * fsync). A change that throws fails alone. A batch the plan refuses (it would make the plan invalid, or
 * the lock cannot be had) is tried again change by change, so one bad change cannot sink the others.
 */
export function batchedTaskWriter(planFile: string): TaskWriter {
  const direct = directTaskWriter(planFile);
  const write = batched<TaskChange, void>(async (changes) => {
    const results: ItemResult<void>[] = changes.map(() => ({ value: undefined }));
    try {
      await updatePlan(planFile, (plan) => {
        const byId = new Map(plan.tasks.map((task) => [task.id, task]));
        changes.forEach(({ taskId, change }, index) => {
          const entry = byId.get(taskId);
          if (!entry) return;
          // Done on a copy, so a change that throws half-way leaves its task as it was.
          const draft = structuredClone(entry);
          try {
            change(draft);
            Object.assign(entry, draft);
            for (const key of Object.keys(entry)) if (!(key in draft)) delete (entry as Record<string, unknown>)[key];
          } catch (error) {
            results[index] = { error };
          }
        });
      });
      return results;
    } catch (error) {
      if (changes.length === 1) return [{ error }];
      return Promise.all(changes.map(({ taskId, change }) => direct(taskId, change).then((): ItemResult<void> => ({ value: undefined }), (failure: unknown) => ({ error: failure }))));
    }
  });
  return (taskId, change) => write({ taskId, change });
}
