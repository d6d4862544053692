import { readFile } from 'node:fs/promises';
import { writeFallbackResults } from '@planwright/run-store';
import { runVerify } from '../verify/run-verify.js';
import { writeAttemptFallback, type AttemptInput, type AttemptResult } from './attempt.js';
import { endedWithoutResults } from './handshake-reminders.js';

/** The note of results the orchestrator writes when the task's verify commands decided for the agent. */
export const VERIFY_DECIDED_NOTE = 'no results from the agent; verify passed';

/**
 * An attempt that still has no results after its reminders: with `--auto-verify`, when the agent ended
 * its turn cleanly, the task's verify commands decide. All pass -> results written by the orchestrator
 * (status completed, `generated_by`, the note, the agent's last message as `summary`) and `verified`.
 * Otherwise (or without --auto-verify) fallback results `partial`, and the task stays blocked.
 */
export async function settleWithoutResults(input: Omit<AttemptInput, 'prompt'>, attempt: AttemptResult): Promise<AttemptResult & { verified?: boolean }> {
  const { run, task, options, emit } = input;
  if (!run.autoVerify || !task.verify?.length || !endedWithoutResults(attempt) || options.signal?.aborted) return writeAttemptFallback(run, task, attempt);
  const verify = await runVerify({ commands: task.verify, cwd: input.codeDir, logPath: run.layout.verifyLogPath(task.id), timeoutMs: run.verifyTimeoutMinutes * 60_000, env: options.env, signal: options.signal });
  emit({ type: 'verify', taskId: task.id, passed: verify.passed, ran: verify.ran, failed: verify.failure?.command, logPath: run.layout.verifyLogPath(task.id) });
  if (!verify.passed) return { ...(await writeAttemptFallback(run, task, attempt)), verified: false };
  const summary = attempt.events.lastMessage ?? (await readFile(run.layout.lastMessagePath(task.id), 'utf8').catch(() => '')).trim();
  const results = await writeFallbackResults(run.layout, {
    taskId: task.id,
    runId: run.runId,
    status: 'completed',
    note: VERIFY_DECIDED_NOTE,
    exitCode: attempt.supervised?.exit.code ?? null,
    logPath: run.layout.agentLogPath(task.id),
    extra: { summary, thread_id: attempt.events.sessionId ?? null },
  });
  return { ...attempt, decision: { status: 'agent_done', resultStatus: 'completed' }, results, fallback: results, verified: true };
}
