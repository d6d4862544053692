import { rename } from 'node:fs/promises';
import { handshakeInstructions, type Handshake, type Task } from '@planwright/plan-schema';
import type { RunLayout } from '@planwright/run-store';
import type { VerifyFailure } from '../verify/run-verify.js';
import { handshakeTarget } from './brief.js';

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
