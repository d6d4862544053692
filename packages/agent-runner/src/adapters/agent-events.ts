import type { Usage } from '@planwright/plan-schema';

/** What an agent's event stream has told us so far. Shared by every adapter. */
export interface AgentEventState {
  /** Codex thread id / Gemini or Claude session id: what a resume needs. */
  sessionId?: string;
  /**
   * Token usage as the agent reports it (for codex: cumulative over the thread; gemini and claude: this
   * run). `input_tokens` counts every input token, cached ones included; `cost_usd` where the agent says.
   */
  usage?: Usage;
  /** The last thing the agent said. */
  lastMessage?: string;
  /** Why the turn failed (`turn.failed`, an API error), when it did. */
  failure?: string;
  /** The last non-fatal error event (often a retry notice). */
  lastError?: string;
  /** The HTTP status of the API error that ended the turn, where the agent says (401, 429...). */
  apiStatus?: number;
  /** The model the agent actually used, where it says. */
  model?: string;
  /** An end-of-turn event arrived (completed or failed). */
  turnEnded: boolean;
  lastEventAt?: Date;
  events: number;
}

/** Reads one line of an agent's output; lines that are not its events (stderr text) are ignored. */
export interface AgentEventParser {
  readonly state: AgentEventState;
  feed(line: string, at?: Date): void;
}

export function emptyEventState(): AgentEventState {
  return { turnEnded: false, events: 0 };
}

/** Parses a JSON object line, or undefined for anything else. */
export function parseJsonLine(line: string): Record<string, unknown> | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(trimmed) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A JSON event line with its `type`, as the JSON-lines parsers hand it on. */
export type JsonEvent = Record<string, unknown> & { type: string };

/**
 * An event parser for a CLI that prints JSON lines: every object line with a string `type` counts as
 * activity (`events`, `lastEventAt`: what stall detection watches) and goes to `onEvent`; any other line
 * (stderr text) goes to `onOtherLine`.
 */
export function jsonLinesParser(onEvent: (event: JsonEvent) => void, options: { state?: AgentEventState; onOtherLine?: (line: string) => void } = {}): AgentEventParser {
  const state = options.state ?? emptyEventState();
  return {
    state,
    feed(line, at = new Date()) {
      const event = parseJsonLine(line);
      if (!event || typeof event.type !== 'string') {
        options.onOtherLine?.(line);
        return;
      }
      state.events++;
      state.lastEventAt = at;
      onEvent(event as JsonEvent);
    },
  };
}

/** Usage of one run of a resumed thread: what the thread reports now minus what it had before. */
export function usageSince(now: Usage | undefined, before: Usage | undefined): Usage | undefined {
  if (!now) return undefined;
  if (!before) return now;
  const keys = ['input_tokens', 'cached_input_tokens', 'output_tokens', 'reasoning_output_tokens'] as const;
  const delta: Usage = { ...now };
  for (const key of keys) {
    if (typeof now[key] === 'number') delta[key] = Math.max(0, now[key] - (before[key] ?? 0));
  }
  return delta;
}
