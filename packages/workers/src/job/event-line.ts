import type { OrchestratorEvent } from '@planwright/agent-runner';

/**
 * The one-task run's events worth a line in the worker's output (its run and task id are the job's, said
 * once by the caller); undefined for the others.
 */
export function eventLine(event: OrchestratorEvent): string | undefined {
  switch (event.type) {
    case 'task-started':
      return `agent ${event.agent ?? ''} started (pid ${event.pid})`.replace('  ', ' ');
    case 'verify':
      return event.passed ? `verify passed (${event.ran})` : `verify failed: ${event.failed ?? ''}`;
    case 'retry':
      return `retry ${event.attempt}: ${event.reason}`;
    case 'task-paused':
      return `paused until ${event.until}: ${event.reason}`;
    case 'task-finished':
      return `${event.outcome.status}${event.outcome.blockedReason ? ` (${event.outcome.blockedReason})` : ''}`;
    case 'warning':
      return `warning: ${event.message}`;
    default:
      return undefined;
  }
}
