import type { ServerResponse } from 'node:http';
import type { CodexItem, CodexReply, CodexUsage } from './codex-replies.js';
import { sendJson, startHttpServer, startSse } from './http-server.js';
import { type Script, ScriptPlayer, type ScriptedServer, scriptedServer } from './script.js';

export interface CodexServerOptions {
  script?: Script<CodexReply>;
  /** Token counts of every reply that does not set its own. */
  usage?: Partial<CodexUsage>;
}

export type CodexServer = ScriptedServer<CodexReply>;

const DEFAULT_USAGE: CodexUsage = { input_tokens: 100, cached_input_tokens: 20, output_tokens: 10, reasoning_output_tokens: 2 };

/**
 * A Responses API server that plays the model for the real `codex` CLI: `POST /v1/responses` answers the
 * next scripted reply as Server-Sent Events (`response.created`, one `response.output_item.done` per item,
 * `response.completed` with usage), or an HTTP error.
 *
 * @example
 * const server = await startCodexServer({ script: [codexReply.exec('echo hi > a.txt'), codexReply.message('done')] });
 * const { env } = await prepareCodexHome({ server });
 * await execa(agentCliPath('codex'), ['exec', '--json', '--skip-git-repo-check', '-C', repo, '-'], { input: 'go', env });
 * await server.close();
 */
export async function startCodexServer(options: CodexServerOptions = {}): Promise<CodexServer> {
  const player = new ScriptPlayer(options.script);
  const usage = { ...DEFAULT_USAGE, ...options.usage };
  let responseCount = 0;
  const http = await startHttpServer(async (request, response) => {
    if (request.method !== 'POST' || !request.url.startsWith('/v1/responses')) {
      sendJson(response, 404, { error: { message: `scripted codex server: no route ${request.method} ${request.url}` } });
      return;
    }
    const reply = await player.next(request);
    if (!reply) throw new Error(`the script has no reply left for request ${http.requests.length}`);
    if (reply.kind === 'error') {
      sendJson(response, reply.status, { error: { message: reply.message, type: 'scripted_error' } });
      return;
    }
    writeResponse(response, `resp_${++responseCount}`, reply.items, { ...usage, ...reply.usage });
  });
  return scriptedServer(http, player, `${http.origin}/v1`);
}

function writeResponse(response: ServerResponse, id: string, items: CodexItem[], usage: CodexUsage): void {
  const sse = startSse(response);
  sse.send({ type: 'response.created', response: { id } }, 'response.created');
  items.forEach((item, outputIndex) => {
    sse.send({ type: 'response.output_item.done', output_index: outputIndex, item }, 'response.output_item.done');
  });
  const completed = {
    id,
    usage: {
      input_tokens: usage.input_tokens,
      input_tokens_details: { cached_tokens: usage.cached_input_tokens },
      output_tokens: usage.output_tokens,
      output_tokens_details: { reasoning_tokens: usage.reasoning_output_tokens },
      total_tokens: usage.input_tokens + usage.output_tokens,
    },
  };
  sse.send({ type: 'response.completed', response: completed }, 'response.completed');
  sse.end();
}
