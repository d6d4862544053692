import type { AgentEventState } from '../adapters/agent-events.js';
import type { Supervised } from '../supervise/supervise-task.js';

/** What the plan should say about a task, and the fallback results when the agent left none. */
export interface Decision {
  status: 'agent_done' | 'blocked';
  resultStatus: string;
  blockedReason?: string;
  fallback?: { status: 'partial' | 'failed' | 'timeout'; note: string };
}

const BLOCKING_RESULTS = new Set(['partial', 'failed', 'blocked', 'timeout']);

/**
 * DESIGN's rules: valid results decide (partial/failed/timeout/blocked -> blocked, else agent_done); a
 * timeout, stall or interrupt ends the agent and leaves fallback results `partial`; an agent that ends
 * without valid results, whatever its exit code, leaves fallback `partial` with its own error message.
 */
export interface DecideOptions {
  timeoutMinutes: number;
  stallMinutes?: number;
  handshake: string;
  /** The adapter's own explanation of an exit code (gemini's 41 = authentication, 173 = rate limit...). */
  describeExit?: (exit: Supervised['exit'], state: AgentEventState) => string | undefined;
}

export function decideOutcome(supervised: Omit<Supervised, 'check'>, events: AgentEventState, options: DecideOptions): Decision {
  const { results, ending, exit, doneMarker } = supervised;
  if (results) {
    const status = String(results.status);
    return BLOCKING_RESULTS.has(status)
      ? { status: 'blocked', resultStatus: status, blockedReason: `agent_reported_${status}` }
      : { status: 'agent_done', resultStatus: status };
  }
  if (doneMarker && options.handshake === 'done-file') {
    // The kit's done-file handshake: the marker alone means the agent finished.
    return { status: 'agent_done', resultStatus: 'completed' };
  }
  const said = events.failure ?? events.lastError;
  if (ending === 'timeout') {
    return blocked('timeout', `Agent timed out after ${options.timeoutMinutes} min; its process group was ended.`);
  }
  if (ending === 'stalled') {
    return blocked('stalled', `Agent emitted no event for ${options.stallMinutes ?? 0} min; its process group was ended.`);
  }
  if (ending === 'interrupted') {
    return blocked('interrupted', 'The orchestrator was stopped (SIGINT/SIGTERM); the agent\'s process group was ended.');
  }
  const code = exit.code ?? exit.signal ?? 'unknown';
  const explained = exit.code !== 0 ? options.describeExit?.(exit, events) : undefined;
  const why = events.failure ?? explained ?? said;
  const note = `Agent exited with code ${code} before writing valid results${why ? `: ${why}` : '.'}`;
  const reason = events.failure || explained ? `agent_failed: ${why}` : exit.code === 0 ? 'no_results' : `agent_exit_${code}${said ? `: ${said}` : ''}`;
  return blocked(reason, note);
}

function blocked(reason: string, note: string): Decision {
  return { status: 'blocked', resultStatus: 'partial', blockedReason: reason, fallback: { status: 'partial', note } };
}
