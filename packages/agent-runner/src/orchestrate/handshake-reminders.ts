import { writeFile } from 'node:fs/promises';
import { reminderPrompt, type HandshakeProblem } from '@planwright/plan-schema';
import { runAttempt, type AttemptInput, type AttemptResult } from './attempt.js';
import { handshakeTarget } from './brief.js';

/** An attempt with the reminder turns it took: `runs` holds every agent run, for the accounting. */
export interface RemindedAttempt {
  /** The last run: its results (or their absence) decide the task. */
  attempt: AttemptResult;
  runs: AttemptResult[];
  reminders: number;
}

/**
 * One attempt at a task, with reminder turns: while the agent ended its turn cleanly without valid
 * results, and `run.handshakeReminders` allows, its session is resumed with a short message that says
 * what is wrong with the results file (missing, unreadable, another run's id) and what to write. The
 * agent thus runs at most 1 + handshakeReminders times (twice by default).
 */
export async function runWithReminders(input: AttemptInput): Promise<RemindedAttempt> {
  const { run, task, emit } = input;
  const runs = [await runAttempt(input)];
  for (let reminders = 0; ; ) {
    const last = runs.at(-1)!;
    const problem = reminderProblem(input, last);
    if (!problem || reminders >= run.handshakeReminders) return { attempt: last, runs, reminders };
    reminders++;
    const prompt = reminderPrompt(handshakeTarget({ task, layout: run.layout, runId: run.runId, handshake: run.handshake }), problem);
    emit({ type: 'reminder', taskId: task.id, reminder: reminders, problem: problem.kind === 'stale' ? `stale ${problem.mismatch.join(' and ')}` : problem.kind });
    await writeFile(run.layout.promptPath(task.id), prompt);
    runs.push(await runAttempt({ ...input, prompt, resume: { sessionId: last.events.sessionId!, usageBefore: last.reportedUsage } }));
  }
}

/**
 * Whether the agent ended its turn cleanly (its end-of-turn event, or exit 0, with no failure reported)
 * without valid results; false when the attempt ended otherwise (a timeout, a crash, an interrupt).
 */
export function endedWithoutResults(attempt: AttemptResult): boolean {
  const { supervised, events } = attempt;
  if (!supervised || supervised.results || supervised.doneMarker || events.failure) return false;
  if (supervised.ending === 'turn_end') return true;
  return supervised.ending === 'exit' && supervised.exit.code === 0;
}

/** What the reminder must say, or undefined when no reminder can help (or none can be sent). */
function reminderProblem(input: AttemptInput, attempt: AttemptResult): HandshakeProblem | undefined {
  if (!endedWithoutResults(attempt) || input.options.signal?.aborted || input.options.interactiveCode) return undefined;
  // A reminder continues the agent's own session: without one (a custom agent), a fresh run would redo the task.
  if (!input.adapter.resume || !attempt.events.sessionId) return undefined;
  const check = attempt.supervised!.check;
  switch (check.state) {
    case 'missing':
      return { kind: 'missing' };
    case 'invalid':
      return { kind: 'invalid', reason: check.reason };
    case 'stale':
      return { kind: 'stale', mismatch: check.mismatch, found: { task_id: check.results.task_id, run_id: check.results.run_id } };
    case 'valid':
      return undefined;
  }
}
