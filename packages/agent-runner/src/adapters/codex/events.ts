import type { Usage } from '@planwright/plan-schema';
import { emptyEventState, jsonLinesParser, type AgentEventParser } from '../agent-events.js';

/**
 * Follows `codex exec --json` events as they arrive: the thread id, token usage, the last agent message,
 * `turn.failed` and its message, and the time of the last event. Events of unknown types only count as
 * activity (they stay in the log), since new ones appear between codex versions.
 */
export function codexEventParser(): AgentEventParser {
  const state = emptyEventState();
  return jsonLinesParser(
    (event) => {
      switch (event.type) {
        case 'thread.started':
          if (typeof event.thread_id === 'string') state.sessionId = event.thread_id;
          break;
        case 'item.completed': {
          const item = event.item as { type?: string; text?: string } | undefined;
          if (item?.type === 'agent_message' && typeof item.text === 'string') state.lastMessage = item.text;
          break;
        }
        case 'turn.completed':
          state.usage = readUsage(event.usage) ?? state.usage;
          state.turnEnded = true;
          break;
        case 'turn.failed':
          state.failure = messageOf(event.error) ?? 'turn failed';
          state.turnEnded = true;
          break;
        case 'error':
          state.lastError = messageOf(event) ?? state.lastError;
          break;
        default:
          break;
      }
    },
    { state },
  );
}

function readUsage(value: unknown): Usage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  const usage: Usage = {};
  for (const key of ['input_tokens', 'cached_input_tokens', 'output_tokens', 'reasoning_output_tokens'] as const) {
    if (typeof raw[key] === 'number') usage[key] = raw[key];
  }
  return usage;
}

function messageOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = (value as { message?: unknown }).message;
  return typeof message === 'string' ? message : undefined;
}
