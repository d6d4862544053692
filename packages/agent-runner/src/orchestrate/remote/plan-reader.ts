import { stat } from 'node:fs/promises';
import { loadPlan, type Plan } from '@planwright/plan-schema';
import { coalesced } from '../batched.js';

/**
 * plan.json as it is now, for a run that reads it after every batch of tasks: parsed and validated again
 * only when the file changed (its inode, size or mtime: this run's own writes replace it, a person's edit
 * changes its mtime), and one read shared by the callers that ask before it begins. Each caller gets its
 * own copy. A coordinator of hundreds of tasks otherwise spends much of its time re-validating one plan.
 */
export function planReader(planFile: string): () => Promise<Plan> {
  let cached: { key: string; plan: Plan } | undefined;
  return coalesced(async () => {
    const info = await stat(planFile).catch(() => undefined);
    const key = info ? `${info.ino}:${info.size}:${info.mtimeMs}` : '';
    // A file that cannot be stat'ed is loaded, for loadPlan's own error.
    if (!info || cached?.key !== key) cached = { key, plan: await loadPlan(planFile) };
    return structuredClone(cached.plan);
  });
}
