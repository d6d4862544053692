import { describe, expect, it } from 'vitest';
import type { Verdict } from './record-outcome.js';
import { DEFAULT_PAUSE_MS, nextStep, settledVerdict, type AttemptFacts, type NextStep } from './retry-policy.js';

const now = new Date('2026-12-06T22:00:00Z');
/** An attempt that hit a limit resetting `inMs` from now, with an hour of --max-pause-minutes. */
const limited = (inMs: number | undefined): Partial<AttemptFacts> => ({
  limit: { reason: 'usage limit: 429', resetAt: inMs === undefined ? undefined : new Date(now.getTime() + inMs) },
  now,
  maxPauseMs: 3_600_000,
});

const base: AttemptFacts = { blocked: false, autoVerify: true, verifyCommands: 2, followUps: 0, retries: 0, aborted: false };
const failed = { passed: false, failedCommand: 'npm test' };
const blockedByVerify: Verdict = { status: 'blocked', verified: false, blockedReason: 'verify_failed: npm test', failedCommand: 'npm test' };

describe('the verify-retry policy', () => {
  const cases: [string, Partial<AttemptFacts>, NextStep][] = [
    ['results missing or failed: the verify commands settle it', { blocked: true }, { action: 'settle' }],
    ['blocked wins over --auto-verify being off', { blocked: true, autoVerify: false }, { action: 'settle' }],
    ["without --auto-verify the agent's word is taken", { autoVerify: false }, { action: 'accept', verdict: { status: 'agent_done' } }],
    [
      'with --auto-verify but no verify commands: agent_done, with a warning',
      { verifyCommands: 0 },
      { action: 'accept', verdict: { status: 'agent_done' }, warning: 'no verify commands, left agent_done for the planner' },
    ],
    ['verify commands not run yet: run them', {}, { action: 'verify' }],
    ['verify passed: done', { verify: { passed: true } }, { action: 'accept', verdict: { status: 'done', verified: true } }],
    ['verify failed, no retries: blocked with the failing command', { verify: failed }, { action: 'give-up', verdict: blockedByVerify }],
    ['verify failed with a retry left: follow up as attempt 2', { verify: failed, retries: 1 }, { action: 'follow-up', attempt: 2, failedCommand: 'npm test', reason: 'verify failed: npm test' }],
    ['the second follow-up is attempt 3', { verify: failed, retries: 3, followUps: 1 }, { action: 'follow-up', attempt: 3, failedCommand: 'npm test', reason: 'verify failed: npm test' }],
    ['retries spent: blocked', { verify: failed, retries: 2, followUps: 2 }, { action: 'give-up', verdict: blockedByVerify }],
    ['a stop was asked for: no follow-up, blocked', { verify: failed, retries: 5, aborted: true }, { action: 'give-up', verdict: blockedByVerify }],
    ['a usage limit with a reset within --max-pause-minutes: pause until it', { blocked: true, ...limited(90_000) }, { action: 'pause', until: new Date(now.getTime() + 90_000), reason: 'usage limit: 429' }],
    ['a usage limit naming no reset: pause DEFAULT_PAUSE_MS', { blocked: true, ...limited(undefined) }, { action: 'pause', until: new Date(now.getTime() + DEFAULT_PAUSE_MS), reason: 'usage limit: 429' }],
    ['a reset past --max-pause-minutes: blocked as before', { blocked: true, ...limited(3 * 3_600_000) }, { action: 'settle' }],
    ['earlier pauses of the task count against --max-pause-minutes', { blocked: true, ...limited(60_000), pausedMs: 3_590_000 }, { action: 'settle' }],
    ['--max-pause-minutes 0: never pause', { blocked: true, ...limited(1000), maxPauseMs: 0 }, { action: 'settle' }],
    ['a stop was asked for: no pause', { blocked: true, ...limited(1000), aborted: true }, { action: 'settle' }],
    ['a stop does not undo a pass', { verify: { passed: true }, aborted: true }, { action: 'accept', verdict: { status: 'done', verified: true } }],
  ];

  it.each(cases)('%s', (_name, facts, expected) => {
    expect(nextStep({ ...base, ...facts })).toEqual(expected);
  });
});

describe('the verdict after the verify commands settled a task without results', () => {
  it('is done, noted as without results, when they passed', () => {
    expect(settledVerdict({ verified: true, blockedReason: 'no_results' })).toEqual({ status: 'done', verified: true, withoutResults: true });
  });

  it("keeps the attempt's blocked reason otherwise, and whether verify ran at all", () => {
    expect(settledVerdict({ verified: false, blockedReason: 'timeout' })).toEqual({ status: 'blocked', blockedReason: 'timeout', verified: false });
    expect(settledVerdict({ blockedReason: 'agent_failed' })).toEqual({ status: 'blocked', blockedReason: 'agent_failed', verified: undefined });
  });
});
