import { briefTurn, type FollowBriefAgentOptions, missingRefsMessage, refsFromTexts } from './brief-writes.js';
import { type GeminiReply, geminiReply } from './gemini-replies.js';
import type { RecordedRequest } from './http-server.js';
import type { ScriptFunction } from './script.js';

interface GeminiContent {
  role?: string;
  parts?: Array<{ text?: string; functionCall?: unknown; functionResponse?: unknown }>;
}

/**
 * A script for `startGeminiServer` that plays a Gemini agent following its brief: it reads the handshake
 * from the brief the prompt points at, answers with `write_file` calls for
 * `files`, the results JSON and, in done-file mode, the done marker; when the tool results come back it
 * ends the turn with a message. Stateless, so it serves several tasks and resumed sessions alike.
 *
 * @example
 * const server = await startGeminiServer({ script: followBriefGemini({ files: { 'NOTES.md': '# notes\n' } }) });
 */
export function followBriefGemini(options: FollowBriefAgentOptions = {}): ScriptFunction<GeminiReply> {
  return async (request: RecordedRequest) => {
    const contents: GeminiContent[] = Array.isArray(request.body?.contents) ? request.body.contents : [];
    const all = contents.filter((content) => content.role === 'user').flatMap((content) => (content.parts ?? []).map((part) => part.text ?? ''));
    // gemini's own context block names the workspace (its cwd first) and lists its files: not the prompt.
    const context = all.find((text) => text.startsWith('<session_context>')) ?? '';
    const cwd = /Workspace Directories:\*\*\n\s*- (.+)/.exec(context)?.[1]?.trim() ?? process.cwd();
    const texts = all.filter((text) => text && text !== context);
    const refs = await refsFromTexts(texts, cwd);
    if (!refs.resultsPath || !refs.runId) return geminiReply.text(missingRefsMessage(refs));
    const turn = briefTurn({ ...refs, resultsPath: refs.resultsPath, runId: refs.runId }, options, cwd, Math.max(1, texts.length));
    const toolResultsBack = (contents.at(-1)?.parts ?? []).some((part) => part.functionResponse !== undefined);
    if (toolResultsBack || turn.writes.length === 0) return geminiReply.text(turn.closing);
    return geminiReply.parts(turn.writes.map(([path, content]) => ({ functionCall: { name: 'write_file', args: { file_path: path, content } } })));
  };
}
