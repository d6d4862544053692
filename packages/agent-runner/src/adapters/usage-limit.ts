import type { AgentExit } from '../supervise/spawn-agent.js';
import type { AgentEventState } from './agent-events.js';

/** An agent run that ended on a rate or usage limit: why, and when the limit resets if the CLI said. */
export interface UsageLimit {
  reason: string;
  /** The reset the CLI or the API reported; undefined when it said nothing (the orchestrator picks a wait). */
  resetAt?: Date;
}

// What the CLIs print when the provider refuses for a limit (codex "You've hit your usage limit", claude
// "Claude AI usage limit reached|<epoch>", qwen "Quota exhausted", any "429 Too Many Requests").
const LIMIT_WORDS = /usage limit|rate limit|rate_limit|quota|too many requests|\b429\b|resource_exhausted/i;

/**
 * The limit a run ended on, from the HTTP status the events carried (429) or the words of the failure;
 * undefined for any other failure, and for a run that ended well (exit 0 with no failure).
 */
export function limitFromEvents(exit: AgentExit, state: AgentEventState, now: Date = new Date()): UsageLimit | undefined {
  const said = state.failure ?? (exit.code !== 0 ? state.lastError : undefined);
  const limited = state.apiStatus === 429 || (said !== undefined && LIMIT_WORDS.test(said));
  if (!limited) return undefined;
  return { reason: `usage limit: ${said ?? 'HTTP 429'}`, resetAt: said ? resetTimeIn(said, now) : undefined };
}

const UNIT_MS: Record<string, number> = { s: 1000, sec: 1000, second: 1000, m: 60_000, min: 60_000, minute: 60_000, h: 3_600_000, hour: 3_600_000 };

/**
 * The reset time a limit message names, in the forms the CLIs and APIs use: an epoch after `|` (Claude
 * Code), `resets_in_seconds: N` (codex), `retry-after: N` / `retry after N seconds`, `try again in 1h 5m`,
 * `resets at <RFC 3339>`. Undefined when the message names none.
 */
export function resetTimeIn(message: string, now: Date = new Date()): Date | undefined {
  const epoch = /\|\s*(\d{10,13})\b/.exec(message);
  if (epoch) return new Date(epoch[1]!.length === 13 ? Number(epoch[1]) : Number(epoch[1]) * 1000);
  const iso = /reset[s]?(?: at)?[:\s"]+(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d))/i.exec(message);
  if (iso) return new Date(iso[1]!);
  const seconds = /(?:resets_in_seconds|retry[-_ ]after(?:_seconds)?)["':\s]+(\d+(?:\.\d+)?)/i.exec(message);
  if (seconds) return new Date(now.getTime() + Number(seconds[1]) * 1000);
  const within = /(?:try again|retry|resets?) in ((?:\s*\d+(?:\.\d+)?\s*(?:hours?|h|minutes?|min|m|seconds?|sec|s)\b\s*,?)+)/i.exec(message);
  if (!within) return undefined;
  let ms = 0;
  for (const part of within[1]!.matchAll(/(\d+(?:\.\d+)?)\s*(hour|h|minute|min|m|second|sec|s)/gi)) ms += Number(part[1]) * UNIT_MS[part[2]!.toLowerCase()]!;
  return new Date(now.getTime() + ms);
}
