import { open } from 'node:fs/promises';
import type { RemoteTaskReport, TaskOutcome, TaskPlacement } from '@planwright/agent-runner';
import { readResultsFile } from '@planwright/run-store';

/** How much of the agent's log the report carries: enough for the failing part, small for a queue. */
export const LOG_TAIL_BYTES = 8 * 1024;

export interface JobReportOptions {
  outcome: TaskOutcome;
  /** The outcome's status, as the report may say it (see runTaskJob). */
  status: RemoteTaskReport['status'];
  blockedReason?: string;
  placement: TaskPlacement;
  commit?: RemoteTaskReport['commit'];
}

/**
 * The report of a finished one-task run: the TaskOutcome's fields, the results file as the agent (or
 * the orchestrator's fallback) wrote it, the end of the agent's log, the placement and the pushed commit.
 */
export async function jobReport(options: JobReportOptions): Promise<RemoteTaskReport> {
  const { outcome } = options;
  const results = await readResultsFile(outcome.resultsPath);
  return {
    status: options.status,
    ...(options.blockedReason !== undefined && { blockedReason: options.blockedReason }),
    verified: outcome.verified === true,
    ...(results.state === 'parsed' && { results: results.results }),
    ...(outcome.summary !== undefined && { summary: outcome.summary }),
    ...(outcome.resultStatus !== undefined && { resultStatus: outcome.resultStatus }),
    ...(outcome.sessionId !== undefined && { threadId: outcome.sessionId }),
    ...(outcome.usage !== undefined && { usage: outcome.usage }),
    durationMs: outcome.durationMs,
    attempts: outcome.attempts ?? 1,
    reminders: outcome.reminders ?? 0,
    exitCode: outcome.exitCode,
    logTail: await logTail(outcome.logPath),
    placement: options.placement,
    ...(options.commit && { commit: options.commit }),
  };
}

/**
 * The last LOG_TAIL_BYTES of a log, from the first whole line in them (a cut line or character reads as
 * noise); '' when there is no log (the agent never started).
 */
export async function logTail(file: string, bytes = LOG_TAIL_BYTES): Promise<string> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return '';
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - bytes);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const text = buffer.toString('utf8');
    if (start === 0) return text;
    const newline = text.indexOf('\n');
    return newline === -1 ? text.replace(/^\uFFFD+/, '') : text.slice(newline + 1);
  } finally {
    await handle.close();
  }
}
