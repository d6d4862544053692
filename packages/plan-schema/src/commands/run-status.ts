import { printJson, type CliIo } from '@planwright/cli-kit';
import { loadPlan } from '../plan/load-plan.js';
import { resolvePlanFile } from '../plan/locate-plan.js';
import { renderStatus } from '../status/render-status.js';
import { summarizePlan } from '../status/summary.js';
import type { PlanArgs } from './args.js';

/** `status`: the compact table, or the summary as JSON. */
export async function runStatus(args: PlanArgs, io: CliIo): Promise<number> {
  const located = resolvePlanFile(args);
  const summary = summarizePlan(await loadPlan(located.file, { label: located.label }));
  if (args.json) printJson(io, { plan: located.label, ...summary });
  else io.out(renderStatus(summary));
  return 0;
}
