import { describe, expect, it } from 'vitest';
import { emptyEventState } from './agent-events.js';
import { limitFromEvents, resetTimeIn } from './usage-limit.js';

const now = new Date('2026-12-06T22:00:00Z');
const failed = { code: 1, signal: null };

describe('usage limits in agent events', () => {
  it('reads the reset time in the forms the CLIs print', () => {
    expect(resetTimeIn('Claude AI usage limit reached|1796594400', now)).toEqual(new Date(1796594400 * 1000));
    expect(resetTimeIn('{"type":"usage_limit_reached","resets_in_seconds":90}', now)).toEqual(new Date('2026-12-06T22:01:30Z'));
    expect(resetTimeIn('429 Too Many Requests; retry-after: 3', now)).toEqual(new Date('2026-12-06T22:00:03Z'));
    expect(resetTimeIn("You've hit your usage limit. Try again in 1h 5m.", now)).toEqual(new Date('2026-12-06T23:05:00Z'));
    expect(resetTimeIn('quota resets at 2026-12-07T01:00:00Z', now)).toEqual(new Date('2026-12-07T01:00:00Z'));
    expect(resetTimeIn('rate limited', now)).toBeUndefined();
  });

  it('is a limit on a 429 status or a limit message, and nothing else', () => {
    expect(limitFromEvents(failed, { ...emptyEventState(), apiStatus: 429 }, now)).toEqual({ reason: 'usage limit: HTTP 429', resetAt: undefined });
    expect(limitFromEvents(failed, { ...emptyEventState(), failure: 'exceeded retry limit, last status: 429 Too Many Requests, retry after 2 seconds' }, now)?.resetAt).toEqual(new Date('2026-12-06T22:00:02Z'));
    expect(limitFromEvents(failed, { ...emptyEventState(), apiStatus: 401, failure: 'invalid api key' }, now)).toBeUndefined();
    expect(limitFromEvents({ code: 0, signal: null }, { ...emptyEventState(), lastError: 'rate limit, retrying' }, now)).toBeUndefined();
  });
});
