import type { AgentExit } from '../../supervise/spawn-agent.js';
import type { AgentEventState } from '../agent-events.js';

/** What one of gemini's own exit codes means: in short, the kind of failure where it is one, and the fix. */
export interface GeminiExitCode {
  meaning: string;
  /** The failure kinds callers act on (a reviewer's hint, a login prompt). */
  kind?: 'auth' | 'untrusted_folder' | 'interrupted';
  fix?: string;
}

/**
 * gemini's own exit codes (its FatalError subclasses), the one table of them: the code agent's exit
 * reasons and gemini-review's reviewer failures both read it.
 */
export const GEMINI_EXIT_CODES: Readonly<Record<number, GeminiExitCode>> = {
  41: { meaning: 'authentication failed', kind: 'auth', fix: 'run `gemini` once to log in, or set GEMINI_API_KEY' },
  42: { meaning: 'bad input', fix: 'the prompt or the session to resume was not accepted' },
  44: { meaning: 'sandbox error', fix: 'gemini could not start its sandbox' },
  52: { meaning: 'configuration error', fix: "check ~/.gemini/settings.json and the project's .gemini/settings.json" },
  53: { meaning: 'turn limit reached', fix: 'raise model.maxSessionTurns in the gemini settings' },
  54: { meaning: 'a tool failed fatally' },
  55: { meaning: 'untrusted folder', kind: 'untrusted_folder', fix: 'this gemini has no --skip-trust; trust the folder or set GEMINI_CLI_TRUST_WORKSPACE=true' },
  130: { meaning: 'cancelled', kind: 'interrupted' },
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

/** The HTTP status a gemini exit code stands for in json/stream-json mode (173 -> 429, 145 -> 401), if any. */
export function geminiHttpStatusOfExit(code: number | null | undefined): number | undefined {
  return code === null || code === undefined ? undefined : BY_EXIT.get(code);
}

/**
 * A clear reason for a gemini exit: its fatal exit codes, or the HTTP status folded into the exit code in
 * stream-json mode (429 -> 173, 401 -> 145, 403 -> 147, 500 -> 244), with what the events said appended.
 * Undefined for 0, and for a code that says nothing more than the events (1 with no failure seen).
 */
export function describeGeminiExit(exit: AgentExit, state: AgentEventState): string | undefined {
  const code = exit.code;
  if (code === 0 || code === null) return undefined;
  const known = GEMINI_EXIT_CODES[code];
  const status = geminiHttpStatusOfExit(code);
  const reason = known
    ? `${known.meaning} (exit ${code})${known.fix ? `: ${known.fix}` : ''}`
    : status
      ? `${HTTP_REASONS[status]} (HTTP ${status}, exit ${code})`
      : undefined;
  const said = state.failure ?? state.lastError;
  if (!reason) return said ? `exit ${code}: ${said}` : undefined;
  return said ? `${reason}: ${said}` : reason;
}
