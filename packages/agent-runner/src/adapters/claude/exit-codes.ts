import type { AgentExit } from '../../supervise/spawn-agent.js';
import type { AgentEventState } from '../agent-events.js';

const HTTP_REASONS: Record<number, string> = {
  401: 'authentication failed (HTTP 401): set ANTHROPIC_API_KEY, or run `claude` once and log in',
  403: 'permission denied by the API (HTTP 403)',
  404: 'model or endpoint not found (HTTP 404)',
  429: 'rate limit or quota exceeded (HTTP 429)',
  500: 'the API failed (HTTP 500)',
  529: 'the API is overloaded (HTTP 529)',
};

/**
 * A clear reason for a Claude Code exit: it exits 1 for every failure, so the reason comes from its
 * result event (the API status, the error) — undefined when the events said nothing.
 */
export function describeClaudeExit(exit: AgentExit, state: AgentEventState): string | undefined {
  if (exit.code === 0 || exit.code === null) return undefined;
  const said = state.failure ?? state.lastError;
  const reason = state.apiStatus !== undefined ? (HTTP_REASONS[state.apiStatus] ?? `API error (HTTP ${state.apiStatus})`) : undefined;
  if (reason) return said ? `${reason}: ${said}` : reason;
  return said ? `exit ${exit.code}: ${said}` : undefined;
}
