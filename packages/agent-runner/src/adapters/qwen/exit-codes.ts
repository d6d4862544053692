import type { AgentExit } from '../../supervise/spawn-agent.js';
import type { AgentEventState } from '../agent-events.js';

/** Qwen Code's own exit codes besides 1 (any failure of the turn: API error, missing key, bad resume id). */
const EXIT_REASONS: Record<number, string> = {
  42: 'bad input (no prompt reached qwen)',
  44: 'sandbox error',
  52: 'configuration error (check ~/.qwen/settings.json)',
  53: 'reached the session turn limit (--max-session-turns)',
  55: 'reached its budget (--max-wall-time or --max-tool-calls)',
  130: 'cancelled',
};

const HTTP_REASONS: Record<number, string> = {
  401: 'authentication failed (HTTP 401): set OPENAI_API_KEY (or the key of the auth type qwen uses), or run `qwen` once and pick a provider',
  403: 'permission denied by the API (HTTP 403)',
  404: 'model or endpoint not found (HTTP 404)',
  429: 'rate limit or quota exceeded (HTTP 429)',
  500: 'the API failed (HTTP 500)',
  503: 'the API is unavailable (HTTP 503)',
};

/**
 * A clear reason for a Qwen Code exit: its own exit codes, else the API status and message of its result
 * event (a quota that resets is already named a usage limit there); undefined when neither the code nor
 * the events said more than "failed".
 */
export function describeQwenExit(exit: AgentExit, state: AgentEventState): string | undefined {
  if (exit.code === 0 || exit.code === null) return undefined;
  const said = state.failure ?? state.lastError;
  const own = EXIT_REASONS[exit.code];
  if (own) return said ? `${own}: ${said}` : own;
  const reason = state.apiStatus !== undefined ? (HTTP_REASONS[state.apiStatus] ?? `API error (HTTP ${state.apiStatus})`) : undefined;
  if (reason) return said ? `${reason}: ${said}` : reason;
  return said ? `exit ${exit.code}: ${said}` : undefined;
}
