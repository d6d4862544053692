import { type ClaudeReply, claudeReply } from './claude-replies.js';
import type { RecordedRequest } from './http-server.js';
import { nextPlannerStep, type PlannerCall, type PlannerOptions, readToolResult } from './planner-steps.js';
import type { ScriptFunction } from './script.js';

/** Claude Code names an MCP server's tools `mcp__<server>__<tool>`. */
const PREFIX = 'mcp__planwright__';
/** How long the planner waits before a call the client could not deliver yet (the server is starting). */
const RETRY_DELAY_MS = 1000;

interface Block {
  type?: string;
  id?: string;
  name?: string;
  input?: Record<string, unknown>;
  tool_use_id?: string;
  content?: unknown;
  is_error?: boolean;
}

const blocksOf = (message: { content?: unknown }): Block[] => (Array.isArray(message.content) ? message.content : []);

/** The planwright tool calls of the session so far, with what came back, read from Claude Code's request. */
export function claudePlannerCalls(request: RecordedRequest): PlannerCall[] {
  const messages: Array<{ content?: unknown }> = Array.isArray(request.body?.messages) ? request.body.messages : [];
  const blocks = messages.flatMap(blocksOf);
  const results = new Map(blocks.filter((block) => block.type === 'tool_result').map((block) => [block.tool_use_id, block]));
  return blocks
    .filter((block) => block.type === 'tool_use' && block.name?.startsWith(PREFIX))
    .map((block) => {
      const result = results.get(block.id);
      const answer = result ? readToolResult(result.content, result.is_error === true) : undefined;
      return { tool: block.name!.slice(PREFIX.length), args: block.input ?? {}, ...(answer && { result: answer.result, isError: answer.isError }) };
    });
}

/**
 * A script for `startClaudeServer` that plays a planner driving planwright through its MCP server: each
 * reply is one `tool_use` of `mcp__planwright__<tool>`, chosen by `nextPlannerStep` from the tool results
 * in the request, and the session ends with a text. Run claude with `--mcp-config` and
 * `--allowedTools mcp__planwright` so `-p` mode may call them.
 *
 * @example
 * const server = await startClaudeServer({ script: claudePlanner({ pr: 'pr-1', goal: 'Notes', tasks: [{ id: 'task_001', title: 'Notes' }] }) });
 */
export function claudePlanner(options: PlannerOptions): ScriptFunction<ClaudeReply> {
  return async (request) => {
    const step = nextPlannerStep(claudePlannerCalls(request), options);
    if ('retry' in step && step.retry) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    return 'message' in step ? claudeReply.text(step.message) : claudeReply.toolUse(`${PREFIX}${step.tool}`, step.args);
  };
}
