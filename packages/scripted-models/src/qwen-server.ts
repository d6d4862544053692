import type { ServerResponse } from 'node:http';
import { type QwenReply, type QwenUsage, qwenErrorBody, qwenReply } from './qwen-replies.js';
import { type RecordedRequest, sendJson, startHttpServer, startSse } from './http-server.js';
import { type Script, type ScriptFunction, ScriptPlayer, type ScriptedServer, scriptedServer } from './script.js';

export interface QwenServerOptions {
  /** Answers the agent's turns: chat completions whose system prompt is Qwen Code's main one. */
  script?: Script<QwenReply>;
  /**
   * Answers Qwen Code's side calls (its memory-extraction subagent, a session title...); returning
   * undefined hands the request to the script. The default answers every request that is not the main
   * agent's with a short text.
   */
  utility?: (request: RecordedRequest, index: number) => QwenReply | undefined | Promise<QwenReply | undefined>;
  usage?: Partial<QwenUsage>;
}

export type QwenServer = ScriptedServer<QwenReply>;

const DEFAULT_USAGE: QwenUsage = { prompt_tokens: 5, completion_tokens: 3 };
// The main agent's system prompt opens so; its subagents and side calls have prompts of their own.
const MAIN_AGENT = /^You are Qwen Code\b/;

/** The system prompt of a Chat Completions request (text parts joined). */
function systemPromptOf(request: RecordedRequest): string {
  const system = (Array.isArray(request.body?.messages) ? request.body.messages : []).find((message: { role?: string }) => message.role === 'system');
  const content: unknown = system?.content;
  if (typeof content === 'string') return content;
  return Array.isArray(content) ? content.map((part: { text?: string }) => part.text ?? '').join('\n') : '';
}

const defaultUtility: ScriptFunction<QwenReply | undefined> = (request) => (MAIN_AGENT.test(systemPromptOf(request)) ? undefined : qwenReply.text('Nothing to add.'));

/**
 * An OpenAI Chat Completions server that plays the model for the real `qwen` CLI (Qwen Code, with
 * `--auth-type openai` and this server as its base URL): `POST /v1/chat/completions` answers the next
 * scripted reply as streamed `chat.completion.chunk` events ending in `data: [DONE]` (usage in the last
 * chunk, as `stream_options.include_usage` asks), or one JSON `chat.completion` when not streamed;
 * `GET /v1/models` lists the model asked for.
 *
 * @example
 * const server = await startQwenServer({ script: [qwenReply.toolCall('write_file', { file_path: `${repo}/q.txt`, content: 'hi\n' }), qwenReply.text('done')] });
 * const { env } = await prepareQwenHome({ server, dir: join(work, 'qwen-home') });
 */
export async function startQwenServer(options: QwenServerOptions = {}): Promise<QwenServer> {
  const player = new ScriptPlayer(options.script);
  const usage = { ...DEFAULT_USAGE, ...options.usage };
  const utility = options.utility ?? defaultUtility;
  let utilityCount = 0;
  let completions = 0;
  const http = await startHttpServer(async (request, response) => {
    const path = request.url.split('?')[0];
    if (request.method === 'GET' && path === '/v1/models') {
      sendJson(response, 200, { object: 'list', data: [{ id: 'qwen3-coder-plus', object: 'model', owned_by: 'scripted' }] });
      return;
    }
    if (request.method !== 'POST' || path !== '/v1/chat/completions') {
      sendJson(response, 404, qwenErrorBody(404, `scripted qwen server: no route ${request.method} ${request.url}`));
      return;
    }
    const reply = (await utility(request, utilityCount++)) ?? (await player.next(request));
    if (!reply) throw new Error(`the script has no reply left for request ${http.requests.length}`);
    if (reply.kind === 'error') {
      sendJson(response, reply.status, qwenErrorBody(reply.status, reply.message));
      return;
    }
    const id = `chatcmpl-scripted-${++completions}`;
    const model = String(request.body?.model ?? 'qwen');
    const counts = { ...usage, ...reply.usage };
    const totals = { ...counts, total_tokens: counts.prompt_tokens + counts.completion_tokens };
    if (request.body?.stream === true) writeStream(response, { id, model, reply, usage: totals });
    else sendJson(response, 200, completion({ id, model, reply, usage: totals }));
  });
  return scriptedServer(http, player, `${http.origin}/v1`);
}

interface Answer {
  id: string;
  model: string;
  reply: Extract<QwenReply, { kind: 'message' }>;
  usage: QwenUsage & { total_tokens: number };
}

const finishReason = (reply: Answer['reply']) => (reply.toolCalls.length > 0 ? 'tool_calls' : 'stop');
const wireCalls = (reply: Answer['reply']) =>
  reply.toolCalls.map((call, index) => ({ index, id: call.id, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } }));

function completion({ id, model, reply, usage }: Answer): unknown {
  const message = { role: 'assistant', content: reply.content ?? null, ...(reply.toolCalls.length > 0 && { tool_calls: wireCalls(reply) }) };
  return { id, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, message, finish_reason: finishReason(reply) }], usage };
}

function writeStream(response: ServerResponse, { id, model, reply, usage }: Answer): void {
  const sse = startSse(response);
  const created = Math.floor(Date.now() / 1000);
  const chunk = (choices: unknown[], extra: object = {}) => sse.send({ id, object: 'chat.completion.chunk', created, model, choices, ...extra });
  chunk([{ index: 0, delta: { role: 'assistant', content: reply.content ?? '' }, finish_reason: null }]);
  if (reply.toolCalls.length > 0) chunk([{ index: 0, delta: { tool_calls: wireCalls(reply) }, finish_reason: null }]);
  chunk([{ index: 0, delta: {}, finish_reason: finishReason(reply) }]);
  chunk([], { usage });
  response.write('data: [DONE]\n\n');
  sse.end();
}
