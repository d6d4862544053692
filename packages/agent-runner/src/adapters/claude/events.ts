import type { Usage } from '@planwright/plan-schema';
import { emptyEventState, jsonLinesParser, type AgentEventParser, type AgentEventState } from '../agent-events.js';

type Event = Record<string, unknown>;

/**
 * Follows `claude -p --output-format stream-json --verbose` events: `system/init` (session id, model),
 * `system/api_retry` (a retry notice), `assistant` messages (the last text), and `result` (end of turn:
 * session id, usage, cost; `is_error` a failure — API errors come as subtype success with is_error true).
 */
export function claudeEventParser(): AgentEventParser {
  const state = emptyEventState();
  return jsonLinesParser(
    (event) => {
      if (event.type === 'system') readSystem(state, event);
      else if (event.type === 'assistant') readAssistant(state, event);
      else if (event.type === 'result') readResult(state, event);
    },
    { state },
  );
}

function readSystem(state: AgentEventState, event: Event): void {
  if (event.subtype === 'init') {
    if (typeof event.session_id === 'string') state.sessionId = event.session_id;
    if (typeof event.model === 'string') state.model = event.model;
  } else if (event.subtype === 'api_retry') {
    const status = typeof event.error_status === 'number' ? ` (HTTP ${event.error_status})` : '';
    const error = typeof event.error === 'string' ? `: ${event.error}` : '';
    state.lastError = `API retry ${String(event.attempt ?? '?')}${typeof event.max_retries === 'number' ? `/${event.max_retries}` : ''}${status}${error}`;
  }
}

function readAssistant(state: AgentEventState, event: Event): void {
  const message = event.message as { content?: Array<{ type?: string; text?: string }> } | undefined;
  const text = (message?.content ?? []).filter((block) => block.type === 'text' && typeof block.text === 'string').map((block) => block.text).join('\n');
  if (!text) return;
  // An API error arrives as a synthetic assistant message with `error` set: a notice, not the agent's words.
  if (typeof event.error === 'string') state.lastError = text;
  else state.lastMessage = text;
}

function readResult(state: AgentEventState, event: Event): void {
  state.turnEnded = true;
  if (typeof event.session_id === 'string') state.sessionId = event.session_id;
  const usage = readUsage(event.usage, event.total_cost_usd);
  if (usage) state.usage = usage;
  const used = Object.keys((event.modelUsage ?? {}) as object)[0];
  if (!state.model && used) state.model = used;
  const result = typeof event.result === 'string' ? event.result.trim() : '';
  if (event.is_error !== true) {
    if (result) state.lastMessage = result;
    return;
  }
  const status = typeof event.api_error_status === 'number' ? event.api_error_status : undefined;
  if (status !== undefined) state.apiStatus = status;
  const errors = Array.isArray(event.errors) ? event.errors.filter((item): item is string => typeof item === 'string') : [];
  if (event.subtype === 'error_max_turns') state.failure = `reached the turn limit (${String(event.num_turns ?? '?')} turns, --max-turns)`;
  else if (errors.length > 0) state.failure = errors.join('; ');
  else if (status !== undefined && !result.includes(String(status))) state.failure = `API error ${status}: ${result || 'no message'}`;
  else state.failure = result || `claude ended with ${String(event.subtype ?? 'an error')}`;
}

/**
 * Claude's `input_tokens` leave out cache reads and writes; planwright's count every input token (as codex
 * and gemini do), with the cache reads as `cached_input_tokens`.
 */
function readUsage(value: unknown, cost: unknown): Usage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  const count = (key: string) => (typeof raw[key] === 'number' ? raw[key] : 0);
  const usage: Usage = {
    input_tokens: count('input_tokens') + count('cache_read_input_tokens') + count('cache_creation_input_tokens'),
    cached_input_tokens: count('cache_read_input_tokens'),
    output_tokens: count('output_tokens'),
  };
  if (count('cache_creation_input_tokens') > 0) usage.cache_creation_input_tokens = count('cache_creation_input_tokens');
  if (typeof cost === 'number') usage.cost_usd = cost;
  return usage;
}
