import { printJson, type CliIo } from '@planwright/cli-kit';
import { nextDocument, runnableTasks } from '../graph/queries.js';
import { loadPlan } from '../plan/load-plan.js';
import { resolvePlanFile } from '../plan/locate-plan.js';
import { formatCounts, summarizePlan } from '../status/summary.js';
import type { PlanArgs } from './args.js';

/** `next`: the runnable tasks, one per line; when there are none, why. */
export async function runNext(args: PlanArgs, io: CliIo): Promise<number> {
  const located = resolvePlanFile(args);
  const plan = await loadPlan(located.file, { label: located.label });
  const runnable = runnableTasks(plan);
  if (args.json) {
    printJson(io, nextDocument(plan));
    return 0;
  }
  if (runnable.length === 0) {
    io.out(`no runnable task (${formatCounts(summarizePlan(plan))})`);
    return 0;
  }
  const width = Math.max(...runnable.map((task) => task.id.length));
  for (const task of runnable) {
    io.out(`${task.id.padEnd(width)}  ${task.domain ? `[${task.domain}] ` : ''}${task.title ?? ''}`.trimEnd());
  }
  return 0;
}
