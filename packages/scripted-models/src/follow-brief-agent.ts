import { briefTurn, type FollowBriefAgentOptions, missingRefsMessage } from './brief-writes.js';
import { type CodexReply, codexReply } from './codex-replies.js';
import { codexTaskAgent, writeFileCommand } from './codex-task-agent.js';
import type { ScriptFunction } from './script.js';

export type { FollowBriefAgentOptions };

/**
 * A script for `startCodexServer` that plays an agent following its brief: at the start of a turn it reads
 * the handshake from the brief the prompt points at (the results path, run id, task id and the JSON to
 * write; a later prompt of the thread that repeats the handshake section wins), and answers an
 * `exec_command` that writes `files`, the results JSON and, in done-file mode, the done marker; when the
 * command's output comes back it ends the turn with a message. With `lapse` it gets the handshake wrong
 * the way real models do (see HandshakeLapse). It keeps no state, so it serves several tasks, turns,
 * concurrent agents and `resume` alike.
 *
 * @example
 * const server = await startCodexServer({ script: followBriefAgent({ files: { 'hello.txt': 'hi\n' } }) });
 */
export function followBriefAgent(options: FollowBriefAgentOptions = {}): ScriptFunction<CodexReply> {
  return codexTaskAgent(({ refs, cwd, turn }) => {
    if (!refs.resultsPath || !refs.runId) return [codexReply.message(missingRefsMessage(refs))];
    const { writes, closing } = briefTurn({ ...refs, resultsPath: refs.resultsPath, runId: refs.runId }, options, cwd, turn);
    const command = writes.map(([path, content]) => writeFileCommand(path, content)).join(' && \\\n');
    return [...(writes.length > 0 ? [codexReply.exec(command)] : []), codexReply.message(closing)];
  });
}
