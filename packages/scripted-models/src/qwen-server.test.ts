import { afterEach, describe, expect, it } from 'vitest';
import { qwenReply } from './qwen-replies.js';
import { type QwenServer, startQwenServer } from './qwen-server.js';

const MAIN = { role: 'system', content: 'You are Qwen Code, a non-interactive CLI agent.' };

async function post(server: QwenServer, body: Record<string, unknown>) {
  const response = await fetch(`${server.url}/chat/completions`, { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}
const chunks = (text: string) => [...text.matchAll(/^data: (.+)$/gm)].map((match) => match[1]!).filter((data) => data !== '[DONE]').map((data) => JSON.parse(data));

describe('startQwenServer', () => {
  let server: QwenServer;
  afterEach(() => server.close());

  it('streams a scripted tool call as chat.completion chunks, usage last, then [DONE]', async () => {
    server = await startQwenServer({ script: [qwenReply.toolCall('write_file', { file_path: '/r/q.txt', content: 'hi' }), qwenReply.text('done')] });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const { text } = await post(server, { model: 'qwen3-coder-plus', stream: true, messages: [MAIN] });
    const stream = chunks(text);

    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(stream.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.model === 'qwen3-coder-plus')).toBe(true);
    const call = stream[1].choices[0].delta.tool_calls[0];
    expect(call).toMatchObject({ index: 0, type: 'function', function: { name: 'write_file' } });
    expect(JSON.parse(call.function.arguments)).toEqual({ file_path: '/r/q.txt', content: 'hi' });
    expect(stream[2].choices[0].finish_reason).toBe('tool_calls');
    expect(stream.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } });
    const answer = JSON.parse((await post(server, { model: 'm', messages: [MAIN] })).text);
    expect(answer).toMatchObject({ object: 'chat.completion', choices: [{ message: { role: 'assistant', content: 'done' }, finish_reason: 'stop' }] });
  });

  it('answers side calls (another system prompt) without consuming the script, and errors with the OpenAI body', async () => {
    server = await startQwenServer({ script: [qwenReply.error(429, 'slow down')] });
    const side = await post(server, { stream: true, messages: [{ role: 'system', content: 'You are now acting as the managed memory extraction subagent.' }] });
    expect(chunks(side.text)[0].choices[0].delta.content).toBe('Nothing to add.');
    expect(await post(server, { stream: true, messages: [MAIN] })).toEqual({ status: 429, text: '{"error":{"message":"slow down","type":"rate_limit_exceeded","code":"429"}}' });
    expect((await post(server, { stream: true, messages: [MAIN] })).status).toBe(500);
    expect(server.errors).toEqual([expect.stringContaining('the script has no reply left')]);
  });
});
