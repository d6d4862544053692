import { readAgentProcesses, readMeta, runLayout, type RunSummary } from '@planwright/run-store';
import { fileTimes } from './file-times.js';

/** One task's attempt in one run: a bar of the Gantt chart. */
export interface TimelineBar {
  task_id: string;
  /** The run folder's name. */
  run: string;
  /** When the agent started (ms since the epoch). */
  start: number;
  /** When the agent ended (its results or last log write), or now while it still runs. */
  agent_end: number;
  /** The verify commands' span, apart from the agent's; null when nothing was verified. */
  verify: { start: number; end: number } | null;
  /** Agent runs of the task in this run: more than one means retries (follow-ups after a failed verify). */
  attempts: number;
  /** The task's run status in meta.json (`timeout`, `completed`, `agent_running`, ...). */
  outcome: string;
  running: boolean;
}

const ACTIVE = new Set(['running', 'task_preparing', 'agent_running', 'waiting_for_results', 'running_background']);

/**
 * The Gantt bars of a PR's runs, from the run folders alone: the agent's start (agent_pids.json, else the
 * brief's time), its end (the results file, else the log), the verify log's own span, and the attempts
 * and outcome meta.json records. The newest `limit` runs only, so a PR with years of runs stays quick.
 */
export async function timelineBars(options: { runs: RunSummary[]; now?: number; limit?: number }): Promise<TimelineBar[]> {
  const now = options.now ?? Date.now();
  const runs = options.runs.slice(0, options.limit ?? 30);
  const perRun = await Promise.all(runs.map((run) => runBars(run, now)));
  return perRun.flat().sort((a, b) => a.start - b.start || a.task_id.localeCompare(b.task_id));
}

async function runBars(run: RunSummary, now: number): Promise<TimelineBar[]> {
  const layout = runLayout(run.run_dir);
  const [meta, agents] = await Promise.all([readMeta(run.run_dir).catch(() => null), readAgentProcesses(run.run_dir).catch(() => ({}))]);
  const bars = await Promise.all(
    run.tasks.map(async (taskId): Promise<TimelineBar | null> => {
      const state = (meta?.tasks?.[taskId] ?? (meta?.current_task_id === taskId ? meta : undefined)) as Record<string, unknown> | undefined;
      const [brief, results, log, verifyLog] = await Promise.all([
        fileTimes(layout.briefPath(taskId)),
        fileTimes(layout.resultsPath(taskId)),
        fileTimes(layout.agentLogPath(taskId)),
        fileTimes(layout.verifyLogPath(taskId)),
      ]);
      const started = (agents as Record<string, { started_at?: string | null }>)[taskId]?.started_at;
      // The brief is written once, as the task starts.
      const start = (started ? Date.parse(started) : NaN) || brief?.modified || log?.created;
      if (!start) return null;
      const outcome = typeof state?.status === 'string' ? state.status : run.status;
      const running = ACTIVE.has(outcome) && ACTIVE.has(run.status);
      const agentEnd = running && !results ? now : (results?.modified ?? log?.modified ?? now);
      const verifyEnd = running ? Math.max(now, verifyLog?.modified ?? 0) : (verifyLog?.modified ?? 0);
      const verify = verifyLog ? { start: Math.min(Math.max(verifyLog.created, agentEnd), verifyEnd), end: verifyEnd } : null;
      const attempts = typeof state?.attempts === 'number' ? state.attempts : 1;
      return { task_id: taskId, run: run.name, start, agent_end: Math.max(start, agentEnd), verify, attempts, outcome, running };
    }),
  );
  return bars.filter((bar): bar is TimelineBar => bar !== null);
}
