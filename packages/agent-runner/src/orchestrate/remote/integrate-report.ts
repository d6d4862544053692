import { integrateReports, type IntegrateReportsOptions, type ReportToLand } from './integrate-reports.js';
import type { Integration } from './integrate-one.js';

export type { Integration } from './integrate-one.js';

/**
 * One report brought in on its own (integrateReports with a single report): what a caller outside a
 * run's batches uses. Throws what the report alone failed with.
 */
export async function integrateReport(options: IntegrateReportsOptions & Omit<ReportToLand, 'mark'>): Promise<Integration> {
  const [result] = await integrateReports(options, [{ taskId: options.taskId, commit: options.commit, baseSha: options.baseSha }]);
  if ('error' in result!) throw result.error;
  return result!.value;
}
