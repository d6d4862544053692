import type { Usage } from '@planwright/plan-schema';
import { emptyEventState, jsonLinesParser, type AgentEventParser } from '../agent-events.js';

/**
 * Follows `gemini -o stream-json` events: `init` (session id, model), assistant `message` deltas
 * (concatenated into the last message), `error` (severity warning: a notice; error: what a failed result
 * means), `result` (end of turn; `stats` usage and the model actually used; `status: error` a failure).
 * gemini's retry notices go to stderr as plain text ("Attempt 1 failed ..."), kept as the last error; they
 * and its error dump's `status: 429` line give the HTTP status when the result event does not.
 */
export function geminiEventParser(): AgentEventParser {
  const state = emptyEventState();
  let speaking = false;
  let apiError: string | undefined;
  let dumpedStatus: number | undefined;
  const fail = () => {
    if (apiError !== undefined) state.failure = formatApiError(apiError, dumpedStatus);
  };
  return jsonLinesParser(
    (event) => {
      const wasSpeaking = speaking;
      speaking = false;
      switch (event.type) {
        case 'init':
          if (typeof event.session_id === 'string') state.sessionId = event.session_id;
          if (typeof event.model === 'string') state.model = event.model;
          break;
        case 'message':
          if (event.role === 'assistant' && typeof event.content === 'string') {
            state.lastMessage = event.delta === true && wasSpeaking ? `${state.lastMessage ?? ''}${event.content}` : event.content;
            speaking = event.delta === true;
          }
          break;
        case 'error':
          if (typeof event.message === 'string') state.lastError = event.message;
          break;
        case 'result':
          readStats(event.stats);
          if (event.status === 'error') {
            apiError = messageOf(event.error) ?? state.lastError ?? 'gemini reported an error';
            fail();
          }
          state.turnEnded = true;
          break;
        default:
          break;
      }
    },
    { state, onOtherLine: readStderr },
  );

  function readStderr(line: string): void {
    // "Attempt 1 failed with status 429. Retrying with backoff... <error>", "Attempt 2 failed: <message>. Max attempts reached"
    const retry = /^Attempt \d+ failed\b.*$/.exec(line.trim());
    if (retry) state.lastError = oneLine(retry[0]).slice(0, 300);
    const status = /^\s*status: (\d{3}),?$/.exec(line) ?? /^Attempt \d+ failed with status (\d{3})\b/.exec(line.trim());
    if (status) {
      dumpedStatus = Number(status[1]);
      fail();
    }
  }

  function readStats(value: unknown): void {
    if (typeof value !== 'object' || value === null) return;
    const stats = value as Record<string, unknown>;
    const usage: Usage = {};
    if (typeof stats.input_tokens === 'number') usage.input_tokens = stats.input_tokens;
    if (typeof stats.cached === 'number') usage.cached_input_tokens = stats.cached;
    if (typeof stats.output_tokens === 'number') usage.output_tokens = stats.output_tokens;
    if (Object.keys(usage).length > 0) state.usage = usage;
    // `-m auto` (or none) is routed: the model that answered is the one with the most tokens.
    const models = Object.entries((stats.models ?? {}) as Record<string, { total_tokens?: number }>);
    const used = models.sort(([, a], [, b]) => (b.total_tokens ?? 0) - (a.total_tokens ?? 0))[0];
    if (used && (used[1].total_tokens ?? 0) > 0) state.model = used[0];
  }

  function formatApiError(message: string, status: number | undefined): string {
    const api = parseApiError(message);
    const text = oneLine(api?.message ?? message.replace(/^\[API Error: (.*?)\]/s, '$1'));
    const code = api?.code ?? status;
    if (code !== undefined) state.apiStatus = code;
    return code ? `API error ${code}${api?.status ? ` ${api.status}` : ''}: ${text}` : text;
  }
}

/** gemini wraps the server's body: `[API Error: {"error":{"code":401,"message":"...","status":"..."}}]`. */
function parseApiError(message: string): { code?: number; message?: string; status?: string } | undefined {
  const inner = /^\[API Error: (\{.*\})\]/s.exec(message)?.[1];
  if (!inner) return undefined;
  try {
    const body = JSON.parse(inner) as { error?: { code?: unknown; message?: unknown; status?: unknown } };
    const error = body.error ?? {};
    return {
      code: typeof error.code === 'number' ? error.code : undefined,
      message: typeof error.message === 'string' ? error.message : undefined,
      status: typeof error.status === 'string' ? error.status : undefined,
    };
  } catch {
    return undefined;
  }
}

function messageOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = (value as { message?: unknown }).message;
  return typeof message === 'string' && message ? message : undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
