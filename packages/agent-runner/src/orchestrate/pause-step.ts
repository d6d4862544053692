import type { AttemptInput, AttemptResult } from './attempt.js';
import { runWithReminders, type RemindedAttempt } from './handshake-reminders.js';
import { waitOutPause } from './pause.js';
import type { PauseGate } from './pause-gate.js';

/** What runTask hands the pause step: the attempt input of the task, and the run's gate. */
export interface PauseStepInput extends Omit<AttemptInput, 'resume'> {
  gate: PauseGate;
}

/**
 * Carries out retry-policy's `pause` step: waits out the limit (the task `paused` meanwhile), then resumes
 * the agent's session by its id (a new run when the agent left none, or cannot resume) with the task's
 * prompt. Undefined when the orchestrator was stopped during the wait: the task stays paused for the next
 * start to resume.
 */
export async function pauseAndResume(input: PauseStepInput, step: { until: Date; reason: string }, sessionId: string | undefined, usageBefore?: AttemptResult['reportedUsage']): Promise<RemindedAttempt | undefined> {
  const { run, task, adapter, options, emit, gate } = input;
  const session = adapter.resume ? sessionId : undefined;
  const resumed = await waitOutPause({ run, task, agent: adapter.name, until: step.until, reason: step.reason, sessionId: session, gate, options, emit });
  if (!resumed) return undefined;
  const again = await runWithReminders({ ...input, resume: session ? { sessionId: session, usageBefore } : undefined });
  // A CLI that kept no session of a turn refused before any answer (gemini exits 42) cannot resume it:
  // the task starts afresh, once.
  return session && sessionRefused(adapter, again.attempt) ? runWithReminders(input) : again;
}

/** The resumed run failed before the model said a word, and not on a limit again. */
function sessionRefused(adapter: AttemptInput['adapter'], attempt: AttemptResult): boolean {
  return attempt.decision.status === 'blocked' && !attempt.results && !attempt.usage?.output_tokens && !limitOf(adapter, attempt);
}

/** The usage limit an attempt ended on, by its adapter's signals; none when the agent left results. */
export function limitOf(adapter: AttemptInput['adapter'], attempt: AttemptResult): { reason: string; resetAt?: Date } | undefined {
  const ending = attempt.supervised?.ending;
  // A timeout, stall or interrupt ended the agent: whatever it said last, that is the reason.
  if (attempt.results || !attempt.supervised || (ending !== 'exit' && ending !== 'turn_end')) return undefined;
  return adapter.usageLimit?.(attempt.supervised.exit, attempt.events);
}
