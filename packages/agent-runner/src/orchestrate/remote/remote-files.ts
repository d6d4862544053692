import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringifyJson, writeFileAtomic } from '@planwright/plan-schema';
import type { RunLayout } from '@planwright/run-store';
import type { RemoteTaskReport } from '../executor.js';

interface RemoteFiles {
  layout: RunLayout;
  taskId: string;
  /** This run (also for a task an earlier coordinator claimed): the results file names it, so a later sync takes it as current. */
  runId: string;
  report: RemoteTaskReport;
  branch: string;
}

/**
 * The task's files in this run's folder, as a local run leaves them: the results (the agent's own, or
 * what the worker reported when it wrote none) annotated with where it ran and what it committed, and
 * `agent_<id>.log` with the worker's log tail under a header line saying where the rest is.
 */
export async function writeRemoteFiles({ layout, taskId, runId, report, branch }: RemoteFiles): Promise<void> {
  const { host, worker, attempt } = report.placement;
  const results = report.results ?? {
    task_id: taskId,
    status: report.resultStatus ?? (report.status === 'blocked' ? 'blocked' : 'completed'),
    ...(report.summary ? { summary: report.summary } : {}),
    generated_by: 'planwright-coordinator',
    generated_at: new Date().toISOString(),
  };
  const annotated = { ...results, run_id: runId, host, worker, attempt, branch, sha: report.commit?.sha ?? null };
  const resultsFile = layout.resultsPath(taskId);
  await mkdir(dirname(resultsFile), { recursive: true });
  await writeFileAtomic(resultsFile, stringifyJson(annotated), { durable: false });
  const header = `# ${taskId} ran on ${worker}@${host} (attempt ${attempt}); the last lines of its agent log follow (the worker keeps no copy after the job)\n`;
  await writeFile(layout.agentLogPath(taskId), header + report.logTail + (report.logTail.endsWith('\n') || report.logTail === '' ? '' : '\n'));
}
