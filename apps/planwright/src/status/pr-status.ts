import { join } from 'node:path';
import { renderStatus } from '@planwright/plan-schema';
import { describeStop, type PrStatus } from '@planwright/run-store';
import { renderBudgetStatus } from './budget-status.js';

// The document itself is run-store's, shared with the MCP server's `status` tool.
export { ACTIVE_RUN_STATUSES, prStatus } from '@planwright/run-store';
export type { PrStatus, PrStatusOptions } from '@planwright/run-store';

/**
 * The status table, then a line on the latest run and, once it ended, why it stopped, then spend
 * against budget where there is a budget.
 */
export function renderPrStatus(status: PrStatus): string {
  const run = status.latest_run;
  const runLine = run
    ? `latest run: ${run.name} ${run.status}${run.updated_at ? ` (updated ${run.updated_at})` : ''}${run.tasks.length ? `, tasks ${run.tasks.join(', ')}` : ''} · ${join(run.run_dir)}`
    : `latest run: none in ${status.runs_root}`;
  const stopLine = run?.stopped_because ? `\nrun stopped: ${describeStop(run.stopped_because)}` : '';
  const budget = renderBudgetStatus(status.budget);
  return `${renderStatus(status)}\n${runLine}${stopLine}${budget ? `\n${budget}` : ''}`;
}
