import { missingRefsMessage } from './brief-writes.js';
import { type CodexReply, codexReply } from './codex-replies.js';
import { codexTaskAgent, resultsCommand } from './codex-task-agent.js';
import type { ScriptFunction } from './script.js';

export interface FollowBriefAgentOptions {
  /** Files to write (relative to the agent's working folder, or absolute) besides the results: path -> content. */
  files?: Record<string, string>;
  /** The results status (default `completed`). */
  status?: 'completed' | 'partial' | 'failed' | 'blocked';
  /** The results summary (default `Did <task id>.`). */
  summary?: string;
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
  return codexTaskAgent(({ refs }) => {
    if (!refs.resultsPath || !refs.runId) return [codexReply.message(missingRefsMessage(refs))];
    const fields = { status: options.status, summary: options.summary };
    return [codexReply.exec(resultsCommand(refs, fields, options.files))];
  });
}
