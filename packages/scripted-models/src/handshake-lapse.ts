import { basename, join } from 'node:path';

/**
 * How real models get the results handshake wrong, for tests of the orchestrator's recovery. The turn
 * counts the orchestrator's messages in the session: 1 is the task's prompt, 2 the reminder (or a follow-up).
 * - `late-results`: does the work, ends turn 1 without the results file; writes it on turn 2.
 * - `no-results`: does the work and never writes the results file (verify has to decide).
 * - `fenced-json`: writes the results wrapped in a ```json code fence.
 * - `results-in-repo`: writes the results file into its working folder (`results/<id>.json` there),
 *   not into the run folder.
 * - `stale-run-id`: writes the run id of an older brief (`STALE_RUN_ID`) on turn 1; the right one on turn 2.
 */
export type HandshakeLapse = 'late-results' | 'no-results' | 'fenced-json' | 'results-in-repo' | 'stale-run-id';

/** Every lapse, for tables of tests. */
export const HANDSHAKE_LAPSES: readonly HandshakeLapse[] = ['late-results', 'no-results', 'fenced-json', 'results-in-repo', 'stale-run-id'];

/** The run id a `stale-run-id` agent copies: well-formed, from a run long gone. */
export const STALE_RUN_ID = '20200101-000000-1-dead';

/** Where the results go and what they say, as the agent would write them when it gets everything right. */
export interface ResultsWrite {
  path: string;
  results: Record<string, unknown>;
}

/**
 * The results file an agent with `lapse` writes on `turn` (path and exact content), or undefined when it
 * writes none on that turn. `cwd` is the agent's working folder (where `results-in-repo` writes).
 */
export function lapsedResults(write: ResultsWrite, lapse: HandshakeLapse | undefined, turn: number, cwd: string): [path: string, content: string] | undefined {
  const json = (results: Record<string, unknown>) => `${JSON.stringify(results, null, 2)}\n`;
  switch (lapse) {
    case undefined:
      return [write.path, json(write.results)];
    case 'late-results':
      return turn >= 2 ? [write.path, json(write.results)] : undefined;
    case 'no-results':
      return undefined;
    case 'fenced-json':
      return [write.path, `\`\`\`json\n${json(write.results)}\`\`\`\n`];
    case 'results-in-repo':
      return [join(cwd, 'results', basename(write.path)), json(write.results)];
    case 'stale-run-id':
      return [write.path, json(turn >= 2 ? write.results : { ...write.results, run_id: STALE_RUN_ID })];
  }
}

/** What the agent says at the end of a turn in which it wrote no results file (the summary verify keeps). */
export function workOnlyMessage(taskId: string | undefined, files: string[]): string {
  const what = files.length > 0 ? `wrote ${files.join(', ')}` : 'made the changes';
  return `I ${what} for ${taskId ?? 'the task'}; the work is saved.`;
}
