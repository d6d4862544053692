import { type BriefRefs } from './brief-refs.mjs';
import { resultsJson } from './brief-writes.js';
import { type CodexReply, codexReply } from './codex-replies.js';
import { type CodexTurn, readCodexTurn } from './codex-turn.js';
import type { ScriptFunction } from './script.js';

/** The tool calls of one turn, in order, chosen from what the prompt names (the task id, above all). */
export type TaskSteps = (turn: CodexTurn) => CodexReply[] | Promise<CodexReply[]>;

/**
 * A script for `startCodexServer` that plays an agent working through scripted steps: for each request it
 * reads the turn (`readCodexTurn`), asks `steps` for that task's tool calls and answers the next one
 * (`codexReply.patch`, `codexReply.exec`, ...); once they have all come back it ends the turn with a
 * message. A step list that ends in a message ends the turn there. Keeps no state, so two agents at once,
 * several tasks and resumed threads all work.
 *
 * @example
 * const server = await startCodexServer({
 *   script: codexTaskAgent((turn) => [
 *     codexReply.patch('*** Begin Patch\n*** Add File: hello.txt\n+hi\n*** End Patch\n'),
 *     codexReply.exec(resultsCommand(turn.refs, { files_changed: ['hello.txt'] })),
 *   ]),
 * });
 */
export function codexTaskAgent(steps: TaskSteps): ScriptFunction<CodexReply> {
  return async (request) => {
    const turn = await readCodexTurn(request);
    const next = (await steps(turn))[turn.step];
    return next ?? codexReply.message(`Finished ${turn.refs.taskId ?? 'the task'}: results written to ${turn.refs.resultsPath ?? '(unknown)'}.`);
  };
}

/** What a results file says besides `task_id` and `run_id`. */
export interface ResultsFields {
  status?: 'completed' | 'partial' | 'failed' | 'blocked';
  summary?: string;
  files_changed?: string[];
  notes?: string;
}

/**
 * A shell command (for `codexReply.exec`) that writes `files` (path -> content, relative to codex's
 * working folder or absolute), then the results JSON the brief's handshake asks for (its template,
 * completed with `fields`) and, in done-file mode, the empty done marker. Throws when the brief named no
 * results path or run id.
 */
export function resultsCommand(refs: BriefRefs, fields: ResultsFields = {}, files: Record<string, string> = {}): string {
  if (!refs.resultsPath || !refs.runId) throw new Error(`the prompt names no results path and run id (found ${JSON.stringify(refs)})`);
  const results = resultsJson({ ...refs, runId: refs.runId }, { ...fields, files_changed: fields.files_changed ?? Object.keys(files) });
  const writes: Record<string, string> = { ...files, [refs.resultsPath]: `${JSON.stringify(results, null, 2)}\n`, ...(refs.donePath && { [refs.donePath]: '' }) };
  return Object.entries(writes).map(([path, content]) => writeFileCommand(path, content)).join(' && \\\n');
}

const shellQuote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/** `mkdir -p` the folder, then the exact content (no added newline, any byte but NUL). */
export function writeFileCommand(path: string, content: string): string {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) || '/' : '.';
  return `mkdir -p ${shellQuote(dir)} && printf '%s' ${shellQuote(content)} > ${shellQuote(path)}`;
}
