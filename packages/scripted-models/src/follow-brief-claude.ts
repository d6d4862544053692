import { randomBytes } from 'node:crypto';
import { briefWrites, missingRefsMessage, refsFromTexts } from './brief-writes.js';
import { type ClaudeReply, claudeReply } from './claude-replies.js';
import type { FollowBriefAgentOptions } from './follow-brief-agent.js';
import type { RecordedRequest } from './http-server.js';
import type { ScriptFunction } from './script.js';

interface ClaudeMessage {
  role?: string;
  content?: string | Array<{ type?: string; text?: string }>;
}

/**
 * A script for `startClaudeServer` that plays a Claude agent following its brief: it reads the results
 * path, run id and task id from the prompt (or the brief it names), answers with `Write` tool uses for
 * `files`, the results JSON and, in done-file mode, the done marker (absolute paths: Write takes no other);
 * when the tool results come back it ends the turn with a message. Stateless, so it serves several tasks
 * and resumed sessions alike.
 *
 * @example
 * const server = await startClaudeServer({ script: followBriefClaude({ files: { 'NOTES.md': '# notes\n' } }) });
 */
export function followBriefClaude(options: FollowBriefAgentOptions = {}): ScriptFunction<ClaudeReply> {
  return async (request: RecordedRequest) => {
    const messages: ClaudeMessage[] = Array.isArray(request.body?.messages) ? request.body.messages : [];
    const blocks = (message: ClaudeMessage) => (typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : (message.content ?? []));
    const texts = messages
      .filter((message) => message.role === 'user')
      .flatMap((message) => blocks(message).filter((block) => block.type === 'text').map((block) => block.text ?? ''))
      // Claude Code's own context (CLAUDE.md, the date...) comes as system reminders: not the prompt.
      .filter((text) => text && !text.startsWith('<system-reminder>'));
    const system = Array.isArray(request.body?.system) ? request.body.system.map((block: { text?: string }) => block.text ?? '').join('\n') : String(request.body?.system ?? '');
    // Claude Code names its cwd in the system prompt's environment section.
    const cwd = /Primary working directory: (.+)/.exec(system)?.[1]?.trim() ?? process.cwd();
    const refs = await refsFromTexts(texts, cwd);
    if (blocks(messages.at(-1) ?? {}).some((block) => block.type === 'tool_result')) {
      return claudeReply.text(`Finished ${refs.taskId ?? 'the task'}: results written to ${refs.resultsPath ?? '(unknown)'}.`);
    }
    if (!refs.resultsPath || !refs.runId) return claudeReply.text(missingRefsMessage(refs));
    const writes = briefWrites({ ...refs, resultsPath: refs.resultsPath, runId: refs.runId }, options, cwd);
    return claudeReply.message(writes.map(([path, content]) => ({ type: 'tool_use', id: `toolu_${randomBytes(8).toString('hex')}`, name: 'Write', input: { file_path: path, content } })));
  };
}
