import { rename, writeFile } from 'node:fs/promises';
import { handshakeInstructions, markAgentDone, type Handshake, type Task } from '@planwright/plan-schema';
import type { RunLayout } from '@planwright/run-store';
import { runVerify, type VerifyFailure, type VerifyOutcome } from '../verify/run-verify.js';
import { handshakeTarget } from './brief.js';
import type { OrchestrateOptions, OrchestratorEvent } from './options.js';
import type { ResolvedRun } from './prepare-run.js';
import { setTaskState } from './record-outcome.js';

/** The task's verify commands after an attempt: the task is `agent_done` while they run, the outcome emitted. */
export async function verifyTask(run: ResolvedRun, task: Task, codeDir: string, options: OrchestrateOptions, emit: (event: OrchestratorEvent) => void): Promise<VerifyOutcome> {
  const logPath = run.layout.verifyLogPath(task.id);
  await setTaskState(run.planFile, task.id, (entry) => void markAgentDone(entry));
  const verify = await runVerify({ commands: task.verify ?? [], cwd: codeDir, logPath, timeoutMs: run.verifyTimeoutMinutes * 60_000, env: options.env, signal: options.signal });
  emit({ type: 'verify', taskId: task.id, passed: verify.passed, ran: verify.ran, failed: verify.failure?.command, logPath });
  return verify;
}

/**
 * Readies follow-up number `attempt` (the first run is 1): the last attempt's results set aside, the task
 * back to `in_progress` with one attempt more, and the prompt written. Returns that prompt: the failure and
 * the handshake, plus the brief again when there is no session to resume (a custom agent, or none reported).
 */
export async function prepareFollowUp(run: ResolvedRun, task: Task, next: { attempt: number; failure: VerifyFailure; sessionId?: string; prompt: string }): Promise<string> {
  await setAttemptResultsAside(run.layout, task.id, next.attempt - 1);
  await setTaskState(run.planFile, task.id, (entry) => {
    entry.status = 'in_progress';
    entry.attempts = (entry.attempts ?? 0) + 1;
  });
  const followUp = followUpPrompt(task, run.layout, run.runId, run.handshake, next.failure);
  const prompt = next.sessionId ? followUp : `${next.prompt}\n${followUp}`;
  await writeFile(run.layout.promptPath(task.id), prompt);
  return prompt;
}

/** The prompt that resumes the agent's session after its work failed verification. */
export function followUpPrompt(task: Task, layout: RunLayout, runId: string, handshake: Handshake, failure: VerifyFailure): string {
  const how = failure.timedOut ? 'did not finish in time' : `exited with ${failure.exitCode}`;
  return [
    `The verification of ${task.id} failed: \`${failure.command}\` ${how}.`,
    'The last lines of its output:',
    '```',
    failure.outputTail.trimEnd(),
    '```',
    `Fix the problem so that every verify command in ${layout.briefPath(task.id)} passes.`,
    ...handshakeInstructions(handshakeTarget({ task, layout, runId, handshake })),
    '',
  ].join('\n');
}

/** Keeps an attempt's results as results/<id>.attempt-<n>.json, so the next attempt must deliver anew. */
export async function setAttemptResultsAside(layout: RunLayout, taskId: string, attempt: number): Promise<void> {
  for (const [from, to] of [
    [layout.resultsPath(taskId), layout.resultsPath(taskId).replace(/\.json$/, `.attempt-${attempt}.json`)],
    [layout.donePath(taskId), layout.donePath(taskId).replace(/\.done$/, `.attempt-${attempt}.done`)],
  ] as const) {
    await rename(from, to).catch(() => undefined);
  }
}
