import type { Usage } from '@planwright/plan-schema';
import { emptyEventState, jsonLinesParser, type AgentEventParser, type AgentEventState } from '../agent-events.js';

type Event = Record<string, unknown>;

// qwen prints API errors as `[API Error: 401 message]`, a fast-failed quota as `... (cause: 429 message)`.
const API_STATUS = /(?:API Error: |cause: )(\d{3})\b/;
// The one failure it reports on stderr alone, with no events: a resume id it has no session for.
const NO_SESSION = /^No saved session found\b.*/;

/**
 * Follows `qwen --output-format stream-json` events (the shape of Claude Code's): `system/init` (session
 * id, model), `system/retry` (a retry notice), `assistant` messages (the last text), and `result` (end of
 * turn: session id, usage over the whole session, `is_error` with `error.message`). An API error also comes
 * as an assistant text, which is then a notice and not the agent's last words.
 */
export function qwenEventParser(): AgentEventParser {
  const state = emptyEventState();
  return jsonLinesParser(
    (event) => {
      if (event.type === 'system') readSystem(state, event);
      else if (event.type === 'assistant') readAssistant(state, event);
      else if (event.type === 'result') readResult(state, event);
    },
    {
      state,
      onOtherLine: (line) => {
        const missing = NO_SESSION.exec(line.trim());
        if (missing) state.failure = missing[0];
      },
    },
  );
}

function readSystem(state: AgentEventState, event: Event): void {
  if (event.subtype === 'init') {
    if (typeof event.session_id === 'string') state.sessionId = event.session_id;
    if (typeof event.model === 'string') state.model = event.model;
  } else if (event.subtype === 'retry') {
    const data = (event.data ?? {}) as Record<string, unknown>;
    const of = typeof data.maxRetries === 'number' ? `/${data.maxRetries}` : '';
    state.lastError = typeof data.attempt === 'number' ? `API retry ${data.attempt}${of}` : 'API retry';
  }
}

function readAssistant(state: AgentEventState, event: Event): void {
  const message = event.message as { content?: Array<{ type?: string; text?: string }> } | undefined;
  const text = (message?.content ?? []).filter((block) => block.type === 'text' && typeof block.text === 'string').map((block) => block.text).join('\n');
  if (text) state.lastMessage = text;
}

function readResult(state: AgentEventState, event: Event): void {
  state.turnEnded = true;
  if (typeof event.session_id === 'string') state.sessionId = event.session_id;
  const usage = readUsage(event.usage);
  if (usage) state.usage = usage;
  if (event.is_error !== true) {
    if (typeof event.result === 'string' && event.result.trim()) state.lastMessage = event.result.trim();
    return;
  }
  const error = (event.error ?? {}) as { message?: unknown };
  const message = typeof error.message === 'string' ? error.message.trim() : '';
  if (message && state.lastMessage === message) {
    state.lastMessage = undefined;
    state.lastError = message;
  }
  const status = API_STATUS.exec(message)?.[1];
  if (status) state.apiStatus = Number(status);
  const first = message.split('\n')[0] ?? '';
  // qwen fails fast on a quota that it knows will reset (it retries a plain 429): a usage limit.
  state.failure = first.startsWith('Quota exhausted') ? `usage limit reached: ${first}` : first || `qwen ended with ${String(event.subtype ?? 'an error')}`;
}

/** qwen's `input_tokens` already count cached ones (OpenAI's prompt_tokens); the cache reads as `cached_input_tokens`. */
function readUsage(value: unknown): Usage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  const count = (key: string) => (typeof raw[key] === 'number' ? raw[key] : 0);
  return { input_tokens: count('input_tokens'), cached_input_tokens: count('cache_read_input_tokens'), output_tokens: count('output_tokens') };
}
