import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, writeBrief } from './test-support.js';
import { type CodexReply, codexReply } from './codex-replies.js';
import { type CodexServer, startCodexServer } from './codex-server.js';
import { followBriefAgent } from './follow-brief-agent.js';
import type { RecordedRequest } from './http-server.js';

/** POSTs to /v1/responses; the SSE events of the reply as [event name, data]. */
async function post(url: string, body: unknown) {
  const response = await fetch(`${url}/responses`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const text = await response.text();
  const events = [...text.matchAll(/^event: (.+)\ndata: (.+)$/gm)].map((match) => [match[1], JSON.parse(match[2] ?? '')]);
  return { status: response.status, text, events };
}

describe('startCodexServer', () => {
  let server: CodexServer;
  afterEach(() => server.close());

  it('answers scripted replies in order as Responses API events and records the requests', async () => {
    server = await startCodexServer({ script: [codexReply.exec('ls'), (_request, index) => codexReply.message(`reply ${index}`, { usage: { output_tokens: 7 } })] });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const first = await post(server.url, { input: 'one' });
    const second = await post(server.url, { input: 'two' });

    expect(first.events.map(([name]) => name)).toEqual(['response.created', 'response.output_item.done', 'response.completed']);
    expect(first.events[1]?.[1].item).toMatchObject({ type: 'function_call', name: 'exec_command', arguments: '{"cmd":"ls"}' });
    expect(second.events[1]?.[1].item.content[0].text).toBe('reply 1');
    expect(second.events[2]?.[1].response.usage).toEqual({ input_tokens: 100, input_tokens_details: { cached_tokens: 20 }, output_tokens: 7, output_tokens_details: { reasoning_tokens: 2 }, total_tokens: 107 });
    expect(server.requests.map((request) => request.body.input)).toEqual(['one', 'two']);
  });

  it('answers an error reply with its status and message, and a 500 once the script has run out', async () => {
    server = await startCodexServer({ script: [codexReply.error(401, 'bad key')] });
    expect(await post(server.url, {})).toMatchObject({ status: 401, text: '{"error":{"message":"bad key","type":"scripted_error"}}' });
    expect((await post(server.url, {})).status).toBe(500);
    expect(server.errors).toEqual(['POST /v1/responses: the script has no reply left for request 2']);
    server.setScript([codexReply.patch('*** Begin Patch\n*** End Patch\n')]);
    expect((await post(server.url, {})).events[1]?.[1].item).toMatchObject({ type: 'custom_tool_call', name: 'apply_patch' });
  });

  it('ends open connections on close (closing twice is harmless)', async () => {
    server = await startCodexServer({ script: () => new Promise<CodexReply>(() => {}) });
    const pending = fetch(`${server.url}/responses`, { method: 'POST', body: '{}' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    await expect(pending).rejects.toThrow();
  });
});

function codexRequest(cwd: string, ...items: Array<string | object>): RecordedRequest {
  const user = (text: string) => ({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
  const input = [user(`<environment_context>\n  <cwd>${cwd}</cwd>\n</environment_context>`), ...items.map((item) => (typeof item === 'string' ? user(item) : item))];
  return { method: 'POST', url: '/v1/responses', headers: {}, body: { input } };
}

describe('followBriefAgent', () => {
  const run = (cmd: string, cwd: string) => execa('bash', ['-c', cmd], { cwd });
  const command = (reply: CodexReply) => (reply.kind === 'response' && reply.items[0]?.type === 'function_call' ? JSON.parse(String(reply.items[0].arguments)).cmd : undefined);
  const text = (reply: CodexReply) => (reply.kind === 'response' && reply.items[0]?.type === 'message' ? (reply.items[0].content as Array<{ text: string }>)[0]?.text : undefined);
  const answered = { type: 'function_call_output', call_id: 'c', output: 'ok' };

  it('answers a command that writes the files and the results the brief asks for, then a final message', async () => {
    const repo = await tempDir();
    const runDir = await tempDir();
    const brief = await writeBrief(runDir, 't1', '20261124-1-ab');
    const agent = followBriefAgent({ files: { "it's/odd.txt": "quote ' and $HOME\n" }, status: 'partial', summary: 'half' });
    const reply = await agent(codexRequest(repo, brief.prompt), 0);
    await run(command(reply), repo);

    expect(JSON.parse(await readFile(brief.resultsPath, 'utf8'))).toEqual({ task_id: 't1', run_id: '20261124-1-ab', status: 'partial', summary: 'half', files_changed: ["it's/odd.txt"], notes: '' });
    expect(await readFile(join(repo, "it's/odd.txt"), 'utf8')).toBe("quote ' and $HOME\n");
    const done = await agent(codexRequest(repo, brief.prompt, reply.kind === 'response' ? (reply.items[0] as object) : {}, answered), 1);
    expect(text(done)).toBe(`Finished t1: results written to ${brief.resultsPath}.`);
  });

  it('finds the brief relative to codex\'s cwd, and ignores a run id the prompt words name', async () => {
    const runDir = await tempDir();
    await writeBrief(runDir, 't2', 'r-2');
    const reply = await followBriefAgent()(codexRequest(runDir, 'Read and follow the instructions in: tasks/t2.md\nrun_id=not-this'), 0);
    await run(command(reply), runDir);
    expect(JSON.parse(await readFile(join(runDir, 'results/t2.json'), 'utf8'))).toMatchObject({ task_id: 't2', run_id: 'r-2' });
  });

  it('also creates the done marker in done-file mode', async () => {
    const runDir = await tempDir();
    const brief = await writeBrief(runDir, 't3', 'r-3', { doneFile: true });
    await run(command(await followBriefAgent()(codexRequest(runDir, brief.prompt), 0)), runDir);
    expect(await readFile(join(runDir, 'done/t3.done'), 'utf8')).toBe('');
    expect(JSON.parse(await readFile(brief.resultsPath, 'utf8'))).toMatchObject({ run_id: 'r-3' });
  });

  it('says so in a message when the prompt points at no brief with a handshake section', async () => {
    const reply = await followBriefAgent()(codexRequest('/nowhere', 'just chat'), 0);
    expect(text(reply)).toMatch(/^I could not find the results path and run id/);
  });
});
