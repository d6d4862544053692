import { randomBytes } from 'node:crypto';
import { briefTurn, type FollowBriefAgentOptions, missingRefsMessage, refsFromTexts } from './brief-writes.js';
import { type ClaudeBlock, type ClaudeReply, claudeReply } from './claude-replies.js';
import type { RecordedRequest } from './http-server.js';
import type { ScriptFunction } from './script.js';

interface ClaudeMessage {
  role?: string;
  content?: string | Array<{ type?: string; text?: string }>;
}

const blocksOf = (message: ClaudeMessage) => (typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : (message.content ?? []));
// Claude Code's own context (CLAUDE.md, the date...) comes as system reminders: not the prompt.
const promptTexts = (message: ClaudeMessage) =>
  message.role === 'user' ? blocksOf(message).filter((block) => block.type === 'text' && block.text && !block.text.startsWith('<system-reminder>')).map((block) => block.text!) : [];
const toolUse = (name: string, input: Record<string, unknown>): ClaudeBlock => ({ type: 'tool_use', id: `toolu_${randomBytes(8).toString('hex')}`, name, input });

/**
 * A script for `startClaudeServer` that plays a Claude agent following its brief: it reads the handshake
 * from the brief the prompt points at, answers with `Write` tool uses for `files`, the results JSON and,
 * in done-file mode, the done marker (absolute paths: Write takes no other); when the tool results come
 * back it ends the turn with a message. Each prompt of the session (the task's, a reminder, a follow-up)
 * is a turn; on a later turn it `Read`s the files first, since Write refuses to overwrite a file the
 * session has not read. With `lapse` it gets the handshake wrong as real models do. Stateless, so it
 * serves several tasks and resumed sessions alike.
 *
 * @example
 * const server = await startClaudeServer({ script: followBriefClaude({ files: { 'NOTES.md': '# notes\n' } }) });
 */
export function followBriefClaude(options: FollowBriefAgentOptions = {}): ScriptFunction<ClaudeReply> {
  return async (request: RecordedRequest) => {
    const messages: ClaudeMessage[] = Array.isArray(request.body?.messages) ? request.body.messages : [];
    const prompts = messages.map(promptTexts);
    const texts = prompts.flat();
    const system = Array.isArray(request.body?.system) ? request.body.system.map((block: { text?: string }) => block.text ?? '').join('\n') : String(request.body?.system ?? '');
    // Claude Code names its cwd in the system prompt's environment section.
    const cwd = /Primary working directory: (.+)/.exec(system)?.[1]?.trim() ?? process.cwd();
    const refs = await refsFromTexts(texts, cwd);
    if (!refs.resultsPath || !refs.runId) return claudeReply.text(missingRefsMessage(refs));
    const turnNumber = Math.max(1, texts.length);
    const turn = briefTurn({ ...refs, resultsPath: refs.resultsPath, runId: refs.runId }, options, cwd, turnNumber);
    // Tool results come back as user messages without a prompt: how many since the last prompt.
    const lastPrompt = prompts.findLastIndex((found) => found.length > 0);
    const step = messages.slice(lastPrompt + 1).filter((message) => message.role === 'user').length;
    const phases = turn.writes.length === 0 ? [] : turnNumber === 1 ? ['write'] : ['read', 'write'];
    const phase = phases[step];
    if (phase === undefined) return claudeReply.text(turn.closing);
    return claudeReply.message(
      turn.writes.map(([path, content]) => (phase === 'read' ? toolUse('Read', { file_path: path }) : toolUse('Write', { file_path: path, content }))),
    );
  };
}
