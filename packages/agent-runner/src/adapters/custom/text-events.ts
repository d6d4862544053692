import { emptyEventState, type AgentEventParser } from '../agent-events.js';

/**
 * For a custom agent without JSON events: every line of output counts as activity (so a stall is still
 * seen), and the last non-empty line is the last thing it said.
 */
export function textEventParser(): AgentEventParser {
  const state = emptyEventState();
  return {
    state,
    feed(line, at = new Date()) {
      const text = line.trim();
      if (!text) return;
      state.events++;
      state.lastEventAt = at;
      state.lastMessage = text.length > 500 ? `${text.slice(0, 500)}…` : text;
    },
  };
}
