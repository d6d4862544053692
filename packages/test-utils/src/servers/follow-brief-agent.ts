import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type BriefRefs, findBriefRefs } from './brief-refs.js';
import { type CodexReply, codexReply } from './codex-replies.js';
import type { RecordedRequest } from './http-server.js';
import type { ScriptFunction } from './script.js';

export interface FollowBriefAgentOptions {
  /** Files to write (relative to codex's working folder, or absolute) besides the results: path -> content. */
  files?: Record<string, string>;
  /** The results status (default `completed`). */
  status?: 'completed' | 'partial' | 'failed' | 'blocked';
  /** The results summary (default `Did <task id>.`). */
  summary?: string;
}

interface InputItem {
  type?: string;
  role?: string;
  content?: Array<{ type?: string; text?: string }>;
}

/**
 * A script for `startCodexServer` that plays an agent following its brief: at the start of a turn it reads
 * the results path, run id and task id from the prompt (falling back to earlier prompts of the thread and
 * to the brief file), and answers an `exec_command` that writes `files`, the results JSON and, in done-file
 * mode, the done marker the prompt names; when the command's output comes back it ends the turn with a
 * message. It keeps no state, so it serves several tasks, turns, concurrent agents and `resume` alike.
 *
 * @example
 * const server = await startCodexServer({ script: followBriefAgent({ files: { 'hello.txt': 'hi\n' } }) });
 */
export function followBriefAgent(options: FollowBriefAgentOptions = {}): ScriptFunction<CodexReply> {
  return async (request: RecordedRequest) => {
    const input: InputItem[] = Array.isArray(request.body?.input) ? request.body.input : [];
    const refs = await requestRefs(input);
    const last = input.at(-1);
    if (last?.type === 'function_call_output' || last?.type === 'custom_tool_call_output') {
      return codexReply.message(`Finished ${refs.taskId ?? 'the task'}: results written to ${refs.resultsPath ?? '(unknown)'}.`);
    }
    if (!refs.resultsPath || !refs.runId) {
      return codexReply.message(`I could not find the results path and run id in the prompt (found ${JSON.stringify(refs)}).`);
    }
    const files = options.files ?? {};
    const results = {
      task_id: refs.taskId ?? null,
      run_id: refs.runId,
      status: options.status ?? 'completed',
      summary: options.summary ?? `Did ${refs.taskId ?? 'the task'}.`,
      files_changed: Object.keys(files),
    };
    const writes = { ...files, [refs.resultsPath]: `${JSON.stringify(results, null, 2)}\n`, ...(refs.donePath && { [refs.donePath]: '' }) };
    return codexReply.exec(Object.entries(writes).map(([path, content]) => writeFileCommand(path, content)).join(' && \\\n'));
  };
}

/** The user messages' refs, newest first wins; the working folder from codex's environment context. */
async function requestRefs(input: InputItem[]): Promise<BriefRefs> {
  const texts = input.filter((item) => item.role === 'user').map((item) => (item.content ?? []).map((part) => part.text ?? '').join('\n'));
  const cwd = texts.map((text) => /<cwd>([^<]+)<\/cwd>/.exec(text)?.[1]).find(Boolean) ?? process.cwd();
  let refs: BriefRefs = {};
  for (const text of texts.filter((t) => !t.startsWith('<environment_context>'))) refs = { ...refs, ...findBriefRefs(text) };
  if (refs.briefPath && !(refs.resultsPath && refs.runId && refs.taskId)) {
    const brief = await readFile(resolve(cwd, refs.briefPath), 'utf8').catch(() => '');
    refs = { ...findBriefRefs(brief), ...refs };
  }
  return refs;
}

const shellQuote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

function writeFileCommand(path: string, content: string): string {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) || '/' : '.';
  return `mkdir -p ${shellQuote(dir)} && printf '%s' ${shellQuote(content)} > ${shellQuote(path)}`;
}
