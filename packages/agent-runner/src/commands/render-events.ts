import { countText, type CliIo } from '@planwright/cli-kit';
import type { OrchestratorEvent, TaskOutcome } from '../orchestrate/options.js';

/**
 * How progress reads: `kit` keeps every line of the Python kit (codex-orchestrate), `short` drops the
 * ones the task lines already say (`planwright run`: no "Waiting for <results> ...").
 */
export type ProgressStyle = 'kit' | 'short';

/**
 * Progress as short lines, in the Python kit's words where it had some (RUN_DIR=, PLAN_FILE=, RUN_PLAN=,
 * "Waiting for ...", "Spawned agent PID=..."), so scripts that read them keep working. Notices about
 * the set-up go to stderr, so stdout stays the run's own lines.
 */
export function renderEvent(event: OrchestratorEvent, io: CliIo, style: ProgressStyle = 'kit'): void {
  switch (event.type) {
    case 'notice':
      return io.err(`note: ${event.message}`);
    case 'run':
      io.out(`RUN_DIR=${event.runDir}`);
      io.out(`PLAN_FILE=${event.planFile}`);
      if (event.runPlan) io.out(`RUN_PLAN=${event.runPlan}`);
      return;
    case 'warning':
      return io.out(`note: ${event.message}`);
    case 'reconciled':
      return io.out(`reconciled ${event.taskId}: ${event.from} -> ${event.to}${event.reason ? ` (${event.reason})` : ''}`);
    case 'no-runnable':
      return io.out('No runnable tasks found (all done/blocked, or deps unsatisfied).');
    case 'stop-detected':
      return io.out('Stop signal detected; not launching further tasks.');
    case 'task-started':
      if (event.noWait) {
        io.out(`Spawned agent PID=${event.pid} (no-wait).`);
        io.out(`Agent output captured at: ${event.logPath}`);
      } else io.out(`${event.taskId}: ${event.resumed ? 'resumed' : 'started'} ${event.agent ?? 'agent'}, pid ${event.pid}, log ${event.logPath}`);
      return;
    case 'verify':
      return io.out(`${event.taskId}: verify ${event.passed ? `passed (${event.ran} command${event.ran === 1 ? '' : 's'})` : `failed: ${event.failed}`} · ${event.logPath}`);
    case 'retry':
      return io.out(`${event.taskId}: attempt ${event.attempt}, ${event.reason}`);
    case 'task-paused':
      return io.out(`${event.taskId}: paused until ${event.until} (${event.reason}); no ${event.agent} task starts before then`);
    case 'reminder':
      return io.out(`${event.taskId}: no valid results (${event.problem}); reminder ${event.reminder}, resuming the session`);
    case 'commit':
      return io.out(`${event.taskId}: committed ${event.sha?.slice(0, 8) ?? ''}${event.note ? ` (${event.note})` : ''}`);
    case 'merge':
      return io.out(`${event.taskId}: ${event.conflicts ? `merge conflict in ${event.conflicts.join(', ')}; worktree kept` : `merged back (${event.method})`}`);
    case 'waiting':
      if (style === 'kit') io.out(`Waiting for ${event.target} ...`);
      return;
    case 'agent-output':
      return io.out(event.line);
    case 'task-finished':
      return io.out(outcomeLine(event.outcome));
    case 'placed':
      return io.out(`${event.taskId}: on ${event.worker}@${event.host}, attempt ${event.attempt}`);
  }
}

/** `task_001: agent_done (completed) in 42s · thread 0199... · 1,234 in / 56 out tokens` */
export function outcomeLine(outcome: TaskOutcome): string {
  if (outcome.status === 'skipped') return `${outcome.taskId}: skipped (${outcome.summary ?? 'taken by another orchestrator'})`;
  const parts = [`${outcome.taskId}: ${outcome.status} (${outcome.blockedReason ?? outcome.resultStatus ?? 'running'}) in ${duration(outcome.durationMs)}`];
  if ((outcome.attempts ?? 1) > 1) parts.push(`${outcome.attempts} attempts`);
  if (outcome.reminders) parts.push(`${outcome.reminders} reminder${outcome.reminders === 1 ? '' : 's'}`);
  if (outcome.sessionId) parts.push(`thread ${outcome.sessionId}`);
  if (outcome.usage?.input_tokens !== undefined) {
    parts.push(`${countText(outcome.usage.input_tokens)} in / ${countText(outcome.usage.output_tokens ?? 0)} out tokens`);
  }
  if (outcome.fallback) parts.push(`fallback results ${outcome.resultsPath}`);
  return parts.join(' · ');
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
