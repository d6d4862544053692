import type { AgentExit } from '../../supervise/spawn-agent.js';
import type { AgentEventState } from '../agent-events.js';
import { limitFromEvents, type UsageLimit } from '../usage-limit.js';
import { geminiHttpStatusOfExit } from './exit-codes.js';

/**
 * gemini's limit signal: in stream-json mode a 429 that outlasted its own retries exits 173 (429 & 0xFF),
 * whatever its events managed to say; the events give the message and any reset time.
 */
export function geminiUsageLimit(exit: AgentExit, state: AgentEventState): UsageLimit | undefined {
  const fromEvents = limitFromEvents(exit, state);
  if (fromEvents || geminiHttpStatusOfExit(exit.code) !== 429) return fromEvents;
  return { reason: `usage limit: HTTP 429 (exit ${exit.code})${state.failure ? `: ${state.failure}` : ''}` };
}
