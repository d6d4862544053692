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
}

/**
 * The next step for a task after an attempt. `settle`: the agent left no usable results, so the verify
 * commands decide (verifyDecides); `verify`: run them now; `follow-up`: resume the agent with the failing
 * command's output (`attempt` counts the first run as 1); `accept` and `give-up` end the task.
 */
export type NextStep =
  | { action: 'settle' }
  | { action: 'verify' }
  | { action: 'accept'; verdict: Verdict; warning?: string }
  | { action: 'follow-up'; attempt: number; failedCommand: string; reason: string }
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
  if (facts.blocked) return { action: 'settle' };
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

/** The verdict once the verify commands decided for an agent that left no usable results (step `settle`). */
export function settledVerdict(settled: { verified?: boolean; blockedReason?: string }): Verdict {
  return settled.verified ? { status: 'done', verified: true, withoutResults: true } : { status: 'blocked', blockedReason: settled.blockedReason, verified: settled.verified };
}
