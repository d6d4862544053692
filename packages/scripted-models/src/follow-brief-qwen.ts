import { briefTurn, type FollowBriefAgentOptions, missingRefsMessage, refsFromTexts } from './brief-writes.js';
import type { RecordedRequest } from './http-server.js';
import { type QwenReply, qwenReply } from './qwen-replies.js';
import type { ScriptFunction } from './script.js';

interface ChatMessage {
  role?: string;
  content?: string | Array<{ type?: string; text?: string }> | null;
}

const textsOf = (message: ChatMessage) =>
  typeof message.content === 'string' ? [message.content] : (message.content ?? []).filter((part) => part.type === 'text' && part.text).map((part) => part.text!);
const REMINDER = '<system-reminder>';
const CWD = /I'm currently working in (?:the directory: |the following directories:\n\s*- )(.+)/;

/**
 * A script for `startQwenServer` that plays a Qwen Code agent following its brief: it reads the handshake
 * from the brief the prompt points at, answers with `write_file` calls (absolute paths) for `files`, the
 * results JSON and, in done-file mode, the done marker; when the tool results come back it ends the turn
 * with a message. Each prompt of the session (the task's, a reminder, a follow-up) is a turn; on a later
 * turn it `read_file`s the files first, since write_file refuses to overwrite a file the session has not
 * read. Stateless, so it serves several tasks and resumed sessions alike.
 *
 * @example
 * const server = await startQwenServer({ script: followBriefQwen({ files: { 'NOTES.md': '# notes\n' } }) });
 */
export function followBriefQwen(options: FollowBriefAgentOptions = {}): ScriptFunction<QwenReply> {
  return async (request: RecordedRequest) => {
    const messages: ChatMessage[] = Array.isArray(request.body?.messages) ? request.body.messages : [];
    const userTexts = messages.filter((message) => message.role === 'user').flatMap(textsOf);
    // Qwen Code names its cwd in a system reminder of the first user message (first of its workspace
    // folders when there are several); reminders are not the prompt.
    const cwd = userTexts.map((text) => CWD.exec(text)?.[1]).find(Boolean)?.trim() ?? process.cwd();
    const prompts = messages.map((message) => (message.role === 'user' ? textsOf(message).filter((text) => !text.startsWith(REMINDER)) : []));
    const texts = prompts.flat();
    const refs = await refsFromTexts(texts, cwd);
    if (!refs.resultsPath || !refs.runId) return qwenReply.text(missingRefsMessage(refs));
    const turnNumber = Math.max(1, texts.length);
    const turn = briefTurn({ ...refs, resultsPath: refs.resultsPath, runId: refs.runId }, options, cwd, turnNumber);
    // Tool results come back as tool messages: how many tool rounds since the last prompt.
    const step = messages.slice(prompts.findLastIndex((found) => found.length > 0) + 1).filter((message) => message.role === 'assistant').length;
    const phase = (turn.writes.length === 0 ? [] : turnNumber === 1 ? ['write'] : ['read', 'write'])[step];
    if (phase === undefined) return qwenReply.text(turn.closing);
    return qwenReply.toolCalls(
      turn.writes.map(([path, content]) => (phase === 'read' ? { name: 'read_file', arguments: { file_path: path } } : { name: 'write_file', arguments: { file_path: path, content } })),
    );
  };
}
