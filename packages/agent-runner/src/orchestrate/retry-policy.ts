import type { Verdict } from './record-outcome.js';

/** What is known after an agent attempt at a task, for the retry policy to decide on. */
export interface AttemptFacts {
  /** The attempt's results (or their absence, or a timeout) already make the task blocked. */
  blocked: boolean;
  /** `--auto-verify`. */
  autoVerify: boolean;
  /** How many verify commands the task has. */
  verifyCommands: number;
  /** This attempt's verification, once the verify commands ran; undefined before. */
  verify?: { passed: boolean; failedCommand?: string };
  /** Follow-ups already made for this task (0 after the first attempt). */
  followUps: number;
  /** `--retries`: follow-ups allowed while verification fails. */
  retries: number;
  /** The caller asked the orchestrator to stop (SIGINT/SIGTERM): start no new agent run. */
  aborted: boolean;
  /** The attempt ended on a rate or usage limit (the adapter's `usageLimit`), with its reset if named. */
  limit?: { reason: string; resetAt?: Date };
  /** Now, and how long this task has already been paused in this invocation. */
  now?: Date;
  pausedMs?: number;
  /** `--max-pause-minutes` in ms: the most a task waits out limits; 0 = never pause. */
  maxPauseMs?: number;
}

/** The wait when a limit names no reset time: long enough for a per-minute rate window, short beside a quota's. */
export const DEFAULT_PAUSE_MS = 5 * 60_000;

/**
 * The next step for a task after an attempt. `settle`: the agent left no usable results, so the verify
 * commands decide (verifyDecides); `pause`: the agent hit a usage limit, wait until `until` and resume
 * its session; `verify`: run them now; `follow-up`: resume the agent with the failing
 * command's output (`attempt` counts the first run as 1); `accept` and `give-up` end the task.
 */
export type NextStep =
  | { action: 'settle' }
  | { action: 'verify' }
  | { action: 'accept'; verdict: Verdict; warning?: string }
  | { action: 'follow-up'; attempt: number; failedCommand: string; reason: string }
  | { action: 'pause'; until: Date; reason: string }
  | { action: 'give-up'; verdict: Verdict };

/**
 * The verify-retry policy, with no I/O: what runTask does after each attempt. Without --auto-verify (or
 * verify commands) the agent's word is taken (`agent_done`); with it, a pass is `done` and a failure is
 * followed up until --retries are spent or a stop was asked for, then `blocked` (`verify_failed: <command>`).
 *
 * @example
 * nextStep({ blocked: false, autoVerify: true, verifyCommands: 1, verify: { passed: false, failedCommand: 'npm test' }, followUps: 0, retries: 1, aborted: false });
 * // { action: 'follow-up', attempt: 2, failedCommand: 'npm test', reason: 'verify failed: npm test' }
 */
export function nextStep(facts: AttemptFacts): NextStep {
  if (facts.blocked) return pauseFor(facts) ?? { action: 'settle' };
  if (!facts.autoVerify) return { action: 'accept', verdict: { status: 'agent_done' } };
  if (facts.verifyCommands === 0) return { action: 'accept', verdict: { status: 'agent_done' }, warning: 'no verify commands, left agent_done for the planner' };
  if (!facts.verify) return { action: 'verify' };
  if (facts.verify.passed) return { action: 'accept', verdict: { status: 'done', verified: true } };
  const command = facts.verify.failedCommand ?? '';
  if (facts.followUps >= facts.retries || facts.aborted) {
    return { action: 'give-up', verdict: { status: 'blocked', verified: false, blockedReason: `verify_failed: ${command}`, failedCommand: command } };
  }
  return { action: 'follow-up', attempt: facts.followUps + 2, failedCommand: command, reason: `verify failed: ${command}` };
}

/**
 * A limit is waited out when the reset (named, else DEFAULT_PAUSE_MS away, at most the whole allowance)
 * keeps the task's total pause within --max-pause-minutes; past that the task is blocked as before.
 */
function pauseFor(facts: AttemptFacts): NextStep | undefined {
  const max = facts.maxPauseMs ?? 0;
  if (!facts.limit || facts.aborted || max <= 0) return undefined;
  const now = (facts.now ?? new Date()).getTime();
  const left = max - (facts.pausedMs ?? 0);
  const wait = facts.limit.resetAt ? Math.max(0, facts.limit.resetAt.getTime() - now) : Math.min(DEFAULT_PAUSE_MS, left);
  if (wait > left || left <= 0) return undefined;
  return { action: 'pause', until: new Date(now + wait), reason: facts.limit.reason };
}

/** The verdict once the verify commands decided for an agent that left no usable results (step `settle`). */
export function settledVerdict(settled: { verified?: boolean; blockedReason?: string }): Verdict {
  return settled.verified ? { status: 'done', verified: true, withoutResults: true } : { status: 'blocked', blockedReason: settled.blockedReason, verified: settled.verified };
}
