import { type GeminiReply, type GeminiUsage, geminiErrorBody, geminiReply } from './gemini-replies.js';
import { type RecordedRequest, sendJson, startHttpServer, startSse } from './http-server.js';
import { type Script, type ScriptFunction, ScriptPlayer, type ScriptedServer, scriptedServer } from './script.js';

export interface GeminiServerOptions {
  /** Answers `:streamGenerateContent` (the agent's turns). */
  script?: Script<GeminiReply>;
  /**
   * Answers `:generateContent`: gemini's own side calls, above all the model router's complexity
   * classifier. The default answers the router (a low score), a next-speaker check (`user`), else "OK".
   */
  utility?: ScriptFunction<GeminiReply>;
  usage?: Partial<GeminiUsage>;
}

export type GeminiServer = ScriptedServer<GeminiReply>;

const DEFAULT_USAGE: GeminiUsage = { promptTokenCount: 5, candidatesTokenCount: 3, totalTokenCount: 8 };
const ROUTE = /\/models\/([^/:?]+):(streamGenerateContent|generateContent|countTokens)/;

/**
 * A Gemini API server that plays the model for the real `gemini` CLI: `:streamGenerateContent?alt=sse`
 * answers the next scripted reply as `data:` chunks, `:generateContent` answers gemini's side calls
 * (`utility`), `:countTokens` a count.
 *
 * @example
 * const server = await startGeminiServer({ script: [geminiReply.functionCall('write_file', { file_path: 'g.txt', content: 'hi\n' }), geminiReply.text('done')] });
 * const { env } = await prepareGeminiHome({ server });
 */
export async function startGeminiServer(options: GeminiServerOptions = {}): Promise<GeminiServer> {
  const player = new ScriptPlayer(options.script);
  const usage = { ...DEFAULT_USAGE, ...options.usage };
  const utility = options.utility ?? defaultUtility;
  let utilityCount = 0;
  const http = await startHttpServer(async (request, response) => {
    const route = ROUTE.exec(request.url);
    if (request.method !== 'POST' || !route) {
      sendJson(response, 404, geminiErrorBody(404, `scripted gemini server: no route ${request.method} ${request.url}`));
      return;
    }
    const [, model = '', method] = route;
    if (method === 'countTokens') {
      sendJson(response, 200, { totalTokens: usage.promptTokenCount });
      return;
    }
    const reply = method === 'streamGenerateContent' ? await player.next(request) : await utility(request, utilityCount++);
    if (!reply) throw new Error(`the script has no reply left for request ${http.requests.length}`);
    if (reply.kind === 'error') {
      sendJson(response, reply.status, geminiErrorBody(reply.status, reply.message));
      return;
    }
    const chunk = {
      candidates: [{ content: { role: 'model', parts: reply.parts }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { ...usage, ...reply.usage },
      modelVersion: model,
    };
    if (method === 'generateContent') {
      sendJson(response, 200, chunk);
      return;
    }
    const sse = startSse(response);
    sse.send(chunk);
    sse.end();
  });
  return scriptedServer(http, player);
}

function defaultUtility(request: RecordedRequest): GeminiReply {
  const text = JSON.stringify(request.body ?? '');
  if (text.includes('complexity_score')) {
    return geminiReply.text(JSON.stringify({ complexity_reasoning: 'Scripted test turn.', complexity_score: 10 }));
  }
  if (text.includes('next_speaker')) return geminiReply.text(JSON.stringify({ reasoning: 'The model finished.', next_speaker: 'user' }));
  return geminiReply.text('OK');
}
