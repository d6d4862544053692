import { type BriefRefs } from './brief-refs.mjs';
import { refsFromTexts } from './brief-writes.js';
import type { RecordedRequest } from './http-server.js';

/** Where a Codex agent stands in its turn, read from one Responses API request. */
export interface CodexTurn {
  /** What the prompt names (completed from the brief it points at): brief, results path, run id, task id, done marker. */
  refs: BriefRefs;
  /** codex's working folder, from the environment context it sends (else this process's cwd). */
  cwd: string;
  /** Tool calls already answered since the last user message: 0 at the start of a turn. */
  step: number;
  /** The orchestrator's messages so far: 1 for the task's prompt, 2 once resumed (a reminder, a follow-up). */
  turn: number;
}

interface InputItem {
  type?: string;
  role?: string;
  content?: Array<{ type?: string; text?: string }>;
}

const TOOL_OUTPUTS = new Set(['function_call_output', 'custom_tool_call_output']);

/**
 * Reads a codex request the way an agent following its brief would: the refs of the user messages (newest
 * wins; codex's `<environment_context>` is not the prompt), the cwd codex names, how many tool calls of
 * the current turn have come back, and which turn of the session it is. Stateless, so one script serves concurrent agents, turns and resumes.
 *
 * @example
 * const { refs, step } = await readCodexTurn(request); // { refs: { taskId: 'task_001', ... }, step: 0 }
 */
export async function readCodexTurn(request: RecordedRequest): Promise<CodexTurn> {
  const input: InputItem[] = Array.isArray(request.body?.input) ? request.body.input : [];
  const userTexts = input.filter((item) => item.role === 'user').map((item) => (item.content ?? []).map((part) => part.text ?? '').join('\n'));
  const cwd = userTexts.map((text) => /<cwd>([^<]+)<\/cwd>/.exec(text)?.[1]).find(Boolean) ?? process.cwd();
  // codex's own context (its cwd, AGENTS.md) comes as user messages too: not the prompt.
  const prompts = userTexts.filter((text) => !text.startsWith('<environment_context>') && !text.startsWith('# AGENTS.md instructions'));
  const refs = await refsFromTexts(prompts, cwd);
  const lastUser = input.findLastIndex((item) => item.role === 'user');
  const step = input.slice(lastUser + 1).filter((item) => TOOL_OUTPUTS.has(item.type ?? '')).length;
  return { refs, cwd, step, turn: Math.max(1, prompts.length) };
}
