import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { codexReply } from './codex-replies.js';
import { codexTaskAgent, resultsCommand } from './codex-task-agent.js';
import { readCodexTurn } from './codex-turn.js';
import type { RecordedRequest } from './http-server.js';
import { tempDir, writeBrief } from './test-support.js';

const user = (text: string) => ({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
const call = { type: 'custom_tool_call', call_id: 'c1', name: 'apply_patch', input: '...' };
const output = (type = 'custom_tool_call_output') => ({ type, call_id: 'c1', output: 'ok' });

function request(cwd: string, ...items: object[]): RecordedRequest {
  return { method: 'POST', url: '/v1/responses', headers: {}, body: { input: [user(`<environment_context>\n  <cwd>${cwd}</cwd>\n</environment_context>`), ...items] } };
}

describe('readCodexTurn', () => {
  it('reads the refs from the brief, the cwd, the tool calls answered since the last user message, and the turn', async () => {
    const runDir = await tempDir();
    const brief = await writeBrief(runDir, 'task_002', 'r-7');
    const prompt = user(brief.prompt);
    expect(await readCodexTurn(request('/repo', prompt))).toEqual({
      refs: { briefPath: brief.briefPath, resultsPath: brief.resultsPath, runId: 'r-7', taskId: 'task_002', results: expect.objectContaining({ task_id: 'task_002', run_id: 'r-7' }) },
      cwd: '/repo',
      step: 0,
      turn: 1,
    });
    expect(await readCodexTurn(request('/repo', prompt, call, output(), { type: 'function_call' }, output('function_call_output')))).toMatchObject({ step: 2, turn: 1 });
    // A follow-up prompt (a resumed thread) starts a new turn.
    expect(await readCodexTurn(request('/repo', prompt, call, output(), user('Verification failed: fix it.')))).toMatchObject({ step: 0, turn: 2 });
  });
});

describe('codexTaskAgent', () => {
  it('answers the task\'s steps in order, then ends the turn with a message', async () => {
    const runDir = await tempDir();
    const { prompt, resultsPath } = await writeBrief(runDir, 'a', 'r');
    const agent = codexTaskAgent(({ refs }) => (refs.taskId === 'a' ? [codexReply.exec('one'), codexReply.exec('two')] : [codexReply.message('not mine')]));
    const args = (reply: Awaited<ReturnType<typeof agent>>) => (reply.kind === 'response' ? reply.items[0]?.arguments : undefined);
    expect(args(await agent(request('/x', user(prompt)), 0))).toBe('{"cmd":"one"}');
    expect(args(await agent(request('/x', user(prompt), call, output()), 1))).toBe('{"cmd":"two"}');
    expect(await agent(request('/x', user(prompt), call, output(), call, output()), 2)).toMatchObject({ items: [{ type: 'message', content: [{ text: `Finished a: results written to ${resultsPath}.` }] }] });
    expect(await agent(request('/x', user('Read and follow the instructions in: /r/tasks/b.md')), 0)).toMatchObject({ items: [{ content: [{ text: 'not mine' }] }] });
  });
});

describe('resultsCommand', () => {
  it('writes the files, then the results JSON and the done marker the brief names', async () => {
    const dir = await tempDir();
    const refs = { taskId: 't1', runId: 'r-1', resultsPath: join(dir, 'results/t1.json'), donePath: join(dir, 'done/t1.done') };
    await execa('bash', ['-c', resultsCommand(refs, { summary: 'did it', notes: "it's fine" }, { 'src/a.js': 'export const a = `$HOME`;\n' })], { cwd: dir });
    expect(await readFile(join(dir, 'src/a.js'), 'utf8')).toBe('export const a = `$HOME`;\n');
    expect(JSON.parse(await readFile(refs.resultsPath, 'utf8'))).toEqual({ task_id: 't1', run_id: 'r-1', status: 'completed', summary: 'did it', files_changed: ['src/a.js'], notes: "it's fine" });
    expect(await readFile(refs.donePath, 'utf8')).toBe('');
  });

  it('completes the JSON of the brief\'s handshake section, keeping its ids', async () => {
    const dir = await tempDir();
    const { resultsPath } = await writeBrief(dir, 't2', 'r-2');
    const template = { task_id: 't2', run_id: 'r-2', status: 'completed', summary: '', files_changed: [], notes: '' };
    await execa('bash', ['-c', resultsCommand({ taskId: 't2', runId: 'r-2', resultsPath, results: template }, { summary: 'ok' })], { cwd: dir });
    expect(JSON.parse(await readFile(resultsPath, 'utf8'))).toEqual({ ...template, summary: 'ok' });
  });

  it('refuses a prompt without a results path or run id', () => {
    expect(() => resultsCommand({ taskId: 't' })).toThrow(/names no results path and run id/);
  });
});
