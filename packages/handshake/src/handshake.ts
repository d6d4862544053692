import { resultsTemplate, type HandshakeTarget } from './handshake-block.mjs';

/** The handshake modes, in the order `--handshake` lists them. */
export const HANDSHAKE_MODES = ['done-file', 'results-json'] as const;

/** How the orchestrator learns that an agent finished: the results file, or (the kit's) a done marker after it. */
export type Handshake = (typeof HANDSHAKE_MODES)[number];

/** What was wrong with the results the agent left, for the reminder to say. */
export type HandshakeProblem =
  | { kind: 'missing' }
  | { kind: 'invalid'; reason: string }
  /** Well-formed, but another run's (copied from an older brief) or another task's. */
  | { kind: 'stale'; mismatch: ('task_id' | 'run_id')[]; found: { task_id: string; run_id: string } };

/**
 * The handshake as a few lines for a prompt (a follow-up, a resume): where to write, the exact JSON,
 * and the statuses. The brief says the same in its handshake section (renderHandshakeBlock).
 */
export function handshakeInstructions(target: HandshakeTarget): string[] {
  const lines = [
    `When finished, write the results JSON to: ${target.resultsPath} (overwrite it if it exists; plain JSON, no code fence):`,
    JSON.stringify(resultsTemplate(target)),
    'Keep task_id and run_id as they are; use status partial, failed or blocked when you could not finish, and say why in notes.',
  ];
  if (target.donePath) lines.push(`Then create the done marker file: ${target.donePath}`);
  return lines;
}

/**
 * The reminder turn's message, for an agent that ended its turn without valid results: what is wrong
 * with the file (missing, unreadable, another run's id), then the handshake again. Short on purpose.
 *
 * @example
 * reminderPrompt(target, { kind: 'missing' }); // "You ended your turn without writing the results file. ..."
 */
export function reminderPrompt(target: HandshakeTarget, problem: HandshakeProblem): string {
  return [problemLine(target, problem), ...handshakeInstructions(target), ''].join('\n');
}

function problemLine(target: HandshakeTarget, problem: HandshakeProblem): string {
  switch (problem.kind) {
    case 'missing':
      return `You ended your turn without writing the results file of ${target.taskId}. If the task is done, write it now; do not redo the work.`;
    case 'invalid':
      return `The results file of ${target.taskId} cannot be used (${problem.reason}). Write it again; do not redo the work.`;
    case 'stale':
      if (problem.mismatch.length === 1 && problem.mismatch[0] === 'run_id') {
        return `The results file of ${target.taskId} has run_id "${problem.found.run_id}", from an older brief; this run's id is "${target.runId}". Write it again with run_id "${target.runId}"; do not redo the work.`;
      }
      return `The results file at ${target.resultsPath} is for task "${problem.found.task_id}" and run "${problem.found.run_id}", not ${target.taskId} of run "${target.runId}". Write it again; do not redo the work.`;
  }
}
