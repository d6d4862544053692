import type { ServerResponse } from 'node:http';
import { type ClaudeBlock, type ClaudeReply, type ClaudeUsage, claudeErrorBody, claudeReply } from './claude-replies.js';
import { type RecordedRequest, sendJson, startHttpServer, startSse } from './http-server.js';
import { type Script, type ScriptFunction, ScriptPlayer, type ScriptedServer, scriptedServer } from './script.js';

export interface ClaudeServerOptions {
  /** Answers the agent's turns: `POST /v1/messages` requests that carry tools. */
  script?: Script<ClaudeReply>;
  /**
   * Answers Claude Code's side calls (requests without tools, such as the session title); returning
   * undefined hands the request to the script. The default answers a title.
   */
  utility?: (request: RecordedRequest, index: number) => ClaudeReply | undefined | Promise<ClaudeReply | undefined>;
  usage?: Partial<ClaudeUsage>;
}

export type ClaudeServer = ScriptedServer<ClaudeReply>;

const DEFAULT_USAGE: ClaudeUsage = { input_tokens: 5, output_tokens: 3 };

const defaultUtility: ScriptFunction<ClaudeReply | undefined> = (request) =>
  Array.isArray(request.body?.tools) && request.body.tools.length > 0 ? undefined : claudeReply.text('{"title": "Scripted session"}');

/**
 * A Messages API server that plays the model for the real `claude` CLI: `POST /v1/messages` answers the
 * next scripted reply as streaming events (`message_start`, `content_block_start|delta|stop`,
 * `message_delta`, `message_stop`), or JSON when not streamed; `HEAD /` (its connectivity check) and
 * `count_tokens` are answered too.
 *
 * @example
 * const server = await startClaudeServer({ script: [claudeReply.toolUse('Write', { file_path: `${repo}/c.txt`, content: 'hi\n' }), claudeReply.text('done')] });
 * const { env } = await prepareClaudeHome({ server });
 */
export async function startClaudeServer(options: ClaudeServerOptions = {}): Promise<ClaudeServer> {
  const player = new ScriptPlayer(options.script);
  const usage = { ...DEFAULT_USAGE, ...options.usage };
  const utility = options.utility ?? defaultUtility;
  let utilityCount = 0;
  let messageCount = 0;
  const http = await startHttpServer(async (request, response) => {
    const path = request.url.split('?')[0];
    if (request.method === 'HEAD' || (request.method === 'GET' && path === '/')) {
      response.writeHead(200).end();
      return;
    }
    if (request.method === 'POST' && path === '/v1/messages/count_tokens') {
      sendJson(response, 200, { input_tokens: usage.input_tokens });
      return;
    }
    if (request.method !== 'POST' || path !== '/v1/messages') {
      sendJson(response, 404, claudeErrorBody(404, `scripted claude server: no route ${request.method} ${request.url}`));
      return;
    }
    const reply = (await utility(request, utilityCount++)) ?? (await player.next(request));
    if (!reply) throw new Error(`the script has no reply left for request ${http.requests.length}`);
    if (reply.kind === 'error') {
      sendJson(response, reply.status, claudeErrorBody(reply.status, reply.message));
      return;
    }
    const message = {
      id: `msg_scripted_${++messageCount}`, type: 'message', role: 'assistant', model: String(request.body?.model ?? 'claude'),
      content: reply.content, stop_reason: reply.content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn',
      stop_sequence: null, usage: { input_tokens: usage.input_tokens, output_tokens: usage.output_tokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, ...reply.usage },
    };
    if (request.body?.stream === true) writeStream(response, message);
    else sendJson(response, 200, message);
  });
  return scriptedServer(http, player);
}

function writeStream(response: ServerResponse, message: { content: ClaudeBlock[]; stop_reason: string; usage: ClaudeUsage }): void {
  const sse = startSse(response);
  const send = (type: string, data: object) => sse.send({ type, ...data }, type);
  send('message_start', { message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } } });
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      send('content_block_start', { index, content_block: { type: 'text', text: '' } });
      send('content_block_delta', { index, delta: { type: 'text_delta', text: block.text } });
    } else {
      send('content_block_start', { index, content_block: { ...block, input: {} } });
      send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) } });
    }
    send('content_block_stop', { index });
  });
  send('message_delta', { delta: { stop_reason: message.stop_reason, stop_sequence: null }, usage: { output_tokens: message.usage.output_tokens } });
  send('message_stop', {});
  sse.end();
}
