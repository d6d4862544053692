import { afterEach, describe, expect, it } from 'vitest';
import { geminiReply } from './gemini-replies.js';
import { type GeminiServer, startGeminiServer } from './gemini-server.js';

async function post(server: GeminiServer, path: string, body: unknown = {}) {
  const response = await fetch(`${server.url}/v1beta/models/${path}`, { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}
const sseChunks = (text: string) => [...text.matchAll(/^data: (.+)$/gm)].map((match) => JSON.parse(match[1] ?? ''));

describe('startGeminiServer', () => {
  let server: GeminiServer;
  afterEach(() => server.close());

  it('answers streamGenerateContent from the script as data: chunks, naming the model', async () => {
    server = await startGeminiServer({ script: [geminiReply.functionCall('write_file', { file_path: 'g.txt', content: 'hi' }), geminiReply.text('done', { usage: { totalTokenCount: 99 } })] });
    const call = sseChunks((await post(server, 'm-1:streamGenerateContent?alt=sse')).text);
    const text = sseChunks((await post(server, 'm-1:streamGenerateContent?alt=sse')).text);

    expect(call).toEqual([{
      candidates: [{ content: { role: 'model', parts: [{ functionCall: { name: 'write_file', args: { file_path: 'g.txt', content: 'hi' } } }] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 3, totalTokenCount: 8 },
      modelVersion: 'm-1',
    }]);
    expect(text[0].candidates[0].content.parts).toEqual([{ text: 'done' }]);
    expect(text[0].usageMetadata.totalTokenCount).toBe(99);
  });

  it('answers the router, countTokens and errors without consuming the script', async () => {
    server = await startGeminiServer({ script: [geminiReply.error(429, 'quota')] });
    const router = await post(server, 'flash-lite:generateContent', { systemInstruction: { parts: [{ text: 'reply with complexity_score' }] } });
    expect(JSON.parse(JSON.parse(router.text).candidates[0].content.parts[0].text)).toMatchObject({ complexity_score: 10 });
    expect(JSON.parse((await post(server, 'm:countTokens')).text)).toEqual({ totalTokens: 5 });
    expect(await post(server, 'm:streamGenerateContent?alt=sse')).toEqual({ status: 429, text: '{"error":{"code":429,"message":"quota","status":"RESOURCE_EXHAUSTED"}}' });
    expect((await post(server, 'm:streamGenerateContent?alt=sse')).status).toBe(500);
    expect(server.errors).toHaveLength(1);
  });

  it('lets `utility` answer generateContent', async () => {
    server = await startGeminiServer({ utility: () => geminiReply.error(401, 'no') });
    expect((await post(server, 'm:generateContent')).status).toBe(401);
  });
});
