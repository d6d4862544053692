import { afterEach, describe, expect, it } from 'vitest';
import { claudeReply } from './claude-replies.js';
import { type ClaudeServer, startClaudeServer } from './claude-server.js';

async function post(server: ClaudeServer, body: Record<string, unknown>, path = '/v1/messages?beta=true') {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}
const events = (text: string) => [...text.matchAll(/^event: (.+)\ndata: (.+)$/gm)].map((match) => JSON.parse(match[2] ?? ''));
const withTools = { model: 'claude-x', stream: true, tools: [{ name: 'Write' }] };

describe('startClaudeServer', () => {
  let server: ClaudeServer;
  afterEach(() => server.close());

  it('streams a scripted tool use as Messages API events', async () => {
    server = await startClaudeServer({ script: [claudeReply.toolUse('Write', { file_path: '/r/c.txt', content: 'hi' }), claudeReply.text('done')] });
    const stream = events((await post(server, withTools)).text);

    expect(stream.map((event) => event.type)).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(stream[0].message).toMatchObject({ model: 'claude-x', role: 'assistant', content: [] });
    expect(stream[1].content_block).toMatchObject({ type: 'tool_use', name: 'Write', input: {} });
    expect(JSON.parse(stream[2].delta.partial_json)).toEqual({ file_path: '/r/c.txt', content: 'hi' });
    expect(stream[4].delta.stop_reason).toBe('tool_use');
    const text = JSON.parse((await post(server, { ...withTools, stream: false })).text);
    expect(text).toMatchObject({ type: 'message', content: [{ type: 'text', text: 'done' }], stop_reason: 'end_turn' });
  });

  it('answers the connectivity check, count_tokens and tool-less side calls without consuming the script', async () => {
    server = await startClaudeServer({ script: [claudeReply.error(429, 'slow down')] });
    expect((await fetch(server.url, { method: 'HEAD' })).status).toBe(200);
    expect(JSON.parse((await post(server, {}, '/v1/messages/count_tokens')).text)).toEqual({ input_tokens: 5 });
    expect(events((await post(server, { stream: true, tools: [] })).text)[2].delta.text).toContain('title');
    expect(await post(server, withTools)).toEqual({ status: 429, text: '{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}' });
  });
});
