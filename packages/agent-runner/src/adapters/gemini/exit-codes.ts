import type { AgentExit } from '../../supervise/spawn-agent.js';
import type { AgentEventState } from '../agent-events.js';

/** gemini's own exit codes (its FatalError subclasses). */
const EXIT_REASONS: Record<number, string> = {
  41: 'authentication failed (exit 41): run `gemini` once to log in, or set GEMINI_API_KEY',
  42: 'bad input (exit 42): the prompt or the session to resume was not accepted',
  44: 'sandbox error (exit 44): gemini could not start its sandbox',
  52: 'configuration error (exit 52): check ~/.gemini/settings.json and the project\'s .gemini/settings.json',
  53: 'turn limit reached (exit 53): raise model.maxSessionTurns in the gemini settings',
  54: 'a tool failed fatally (exit 54)',
  55: 'untrusted folder (exit 55): this gemini has no --skip-trust; trust the folder or set GEMINI_CLI_TRUST_WORKSPACE=true',
  130: 'cancelled (exit 130)',
};

/** In json and stream-json modes an API error exits with its HTTP status & 0xFF. */
const HTTP_REASONS: Record<number, string> = {
  400: 'the API rejected the request',
  401: 'the API key or login was rejected',
  403: 'permission denied by the API',
  404: 'model or endpoint not found',
  429: 'rate limit or quota exceeded',
  500: 'the API failed (server error)',
  502: 'the API failed (bad gateway)',
  503: 'the API is unavailable',
  504: 'the API timed out',
};
const BY_EXIT = new Map(Object.keys(HTTP_REASONS).map((status) => [Number(status) & 0xff, Number(status)]));

/**
 * A clear reason for a gemini exit: its fatal exit codes, or the HTTP status folded into the exit code in
 * stream-json mode (429 -> 173, 401 -> 145, 403 -> 147, 500 -> 244), with what the events said appended.
 * Undefined for 0, and for a code that says nothing more than the events (1 with no failure seen).
 */
export function describeGeminiExit(exit: AgentExit, state: AgentEventState): string | undefined {
  const code = exit.code;
  if (code === 0 || code === null) return undefined;
  const status = BY_EXIT.get(code);
  const reason = EXIT_REASONS[code] ?? (status ? `${HTTP_REASONS[status]} (HTTP ${status}, exit ${code})` : undefined);
  const said = state.failure ?? state.lastError;
  if (!reason) return said ? `exit ${code}: ${said}` : undefined;
  return said ? `${reason}: ${said}` : reason;
}
