import { randomBytes } from 'node:crypto';
import { type CodexReply, codexReply } from './codex-replies.js';
import type { RecordedRequest } from './http-server.js';
import { nextPlannerStep, type PlannerCall, type PlannerOptions, readToolResult } from './planner-steps.js';
import type { ScriptFunction } from './script.js';

/** The namespace codex gives an MCP server's tools: `mcp__<server>`. */
const NAMESPACE = 'mcp__planwright';
/** How long the planner waits before a call the client could not deliver yet (the server is starting). */
const RETRY_DELAY_MS = 1000;

interface InputItem {
  type?: string;
  name?: string;
  namespace?: string;
  arguments?: string;
  call_id?: string;
  output?: unknown;
}

/**
 * What codex 0.169 relays of an MCP tool's answer: `Wall time: <s> seconds\nOutput:\n` and then the
 * structured content as JSON (a string) or, for a tool error, the error's text (text parts). It sends
 * no error flag, so an answer that is not a JSON document counts as one: every planwright tool answers
 * with a document.
 */
function codexToolAnswer(output: unknown): { result: unknown; isError: boolean } {
  const text = typeof output === 'string' ? output : Array.isArray(output) ? output.map((part) => String((part as { text?: unknown }).text ?? '')).join('\n') : JSON.stringify(output);
  const answer = readToolResult(text.replace(/^Wall time: [^\n]*\nOutput:\n?/, ''));
  return { result: answer.result, isError: answer.isError || typeof answer.result !== 'object' || answer.result === null };
}

/** The planwright tool calls of the session so far, with what came back, read from codex's request. */
export function codexPlannerCalls(request: RecordedRequest): PlannerCall[] {
  const input: InputItem[] = Array.isArray(request.body?.input) ? request.body.input : [];
  const outputs = new Map(input.filter((item) => item.type === 'function_call_output').map((item) => [item.call_id, item.output]));
  return input
    .filter((item) => item.type === 'function_call' && (item.namespace === NAMESPACE || item.name?.startsWith(`${NAMESPACE}__`)))
    .map((item) => {
      const answer = outputs.has(item.call_id) ? codexToolAnswer(outputs.get(item.call_id)) : undefined;
      return { tool: item.name!.replace(`${NAMESPACE}__`, ''), args: JSON.parse(item.arguments || '{}'), ...(answer && { result: answer.result, isError: answer.isError }) };
    });
}

/**
 * A script for `startCodexServer` that plays a planner driving planwright through its MCP server
 * (`[mcp_servers.planwright]`): each reply is one `function_call` with `namespace: "mcp__planwright"`,
 * chosen by `nextPlannerStep` from the tool results in the request, and the session ends with a message.
 * It never asks codex to run a command: the planning is done by tool calls alone.
 *
 * @example
 * const server = await startCodexServer({ script: codexPlanner({ pr: 'pr-1', goal: 'Notes', tasks: [{ id: 'task_001', title: 'Notes' }] }) });
 */
export function codexPlanner(options: PlannerOptions): ScriptFunction<CodexReply> {
  return async (request) => {
    const step = nextPlannerStep(codexPlannerCalls(request), options);
    if ('retry' in step && step.retry) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    if ('message' in step) return codexReply.message(step.message);
    const id = randomBytes(6).toString('hex');
    return codexReply.response([{ type: 'function_call', id: `fc_${id}`, call_id: `call_${id}`, namespace: NAMESPACE, name: step.tool, arguments: JSON.stringify(step.args) }]);
  };
}
