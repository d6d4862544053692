import { printJson, type CliIo } from '@planwright/cli-kit';
import type { SyncChange } from '../sync/decide.js';
import { syncPlan } from '../sync/sync-plan.js';
import type { SyncPlanArgs } from './args.js';

/** `sync-plan`: one line per change, or `plan in sync`. */
export async function runSyncPlan(args: SyncPlanArgs, io: CliIo): Promise<number> {
  const report = await syncPlan(args);
  if (args.json) {
    printJson(io, report);
    return 0;
  }
  for (const change of report.changes) io.out(describeChange(change));
  if (report.changes.length === 0) io.out('plan in sync');
  for (const task of report.left_alone) io.out(`${task.task_id}: in_progress, its ${task.who} (pid ${task.pid}) is still running`);
  if (report.dry_run && report.changes.length > 0) io.out('dry run: nothing written');
  return 0;
}

/** `task_003: in_progress -> agent_done (run 20261124-101500-4242-ab12)`. */
export function describeChange(change: SyncChange): string {
  const to = change.reason ? `${change.to}: ${change.reason}` : change.to;
  const why = change.source === 'interrupted' ? 'agent gone, no results' : `run ${change.run_id}`;
  return `${change.task_id}: ${change.from} -> ${to} (${why})`;
}
