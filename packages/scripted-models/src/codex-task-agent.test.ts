import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { codexReply } from './codex-replies.js';
import { codexTaskAgent, resultsCommand } from './codex-task-agent.js';
import { readCodexTurn } from './codex-turn.js';
import type { RecordedRequest } from './http-server.js';
import { tempDir } from './test-support.js';

const user = (text: string) => ({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
const call = { type: 'custom_tool_call', call_id: 'c1', name: 'apply_patch', input: '...' };
const output = (type = 'custom_tool_call_output') => ({ type, call_id: 'c1', output: 'ok' });

function request(cwd: string, ...items: object[]): RecordedRequest {
  return { method: 'POST', url: '/v1/responses', headers: {}, body: { input: [user(`<environment_context>\n  <cwd>${cwd}</cwd>\n</environment_context>`), ...items] } };
}

describe('readCodexTurn', () => {
  it('reads the refs, the cwd and the tool calls answered since the last user message', async () => {
    const prompt = user('You are a code agent executing task_002.\n1) Read and follow the instructions in: /r/tasks/task_002.md\n2) write a JSON summary to: /r/results/task_002.json\n3) Include run_id=r-7');
    expect(await readCodexTurn(request('/repo', prompt))).toEqual({
      refs: { briefPath: '/r/tasks/task_002.md', resultsPath: '/r/results/task_002.json', runId: 'r-7', taskId: 'task_002' },
      cwd: '/repo',
      step: 0,
    });
    expect((await readCodexTurn(request('/repo', prompt, call, output(), { type: 'function_call' }, output('function_call_output')))).step).toBe(2);
    // A follow-up prompt (a resumed thread) starts a new turn.
    expect((await readCodexTurn(request('/repo', prompt, call, output(), user('Verification failed: fix it.')))).step).toBe(0);
  });
});

describe('codexTaskAgent', () => {
  it('answers the task\'s steps in order, then ends the turn with a message', async () => {
    const agent = codexTaskAgent(({ refs }) => (refs.taskId === 'a' ? [codexReply.exec('one'), codexReply.exec('two')] : [codexReply.message('not mine')]));
    const prompt = user('brief: /r/tasks/a.md results file: /r/results/a.json run_id=r');
    const args = (reply: Awaited<ReturnType<typeof agent>>) => (reply.kind === 'response' ? reply.items[0]?.arguments : undefined);
    expect(args(await agent(request('/x', prompt), 0))).toBe('{"cmd":"one"}');
    expect(args(await agent(request('/x', prompt, call, output()), 1))).toBe('{"cmd":"two"}');
    expect(await agent(request('/x', prompt, call, output(), call, output()), 2)).toMatchObject({ items: [{ type: 'message', content: [{ text: 'Finished a: results written to /r/results/a.json.' }] }] });
    expect(await agent(request('/x', user('brief: /r/tasks/b.md run_id=r')), 0)).toMatchObject({ items: [{ content: [{ text: 'not mine' }] }] });
  });
});

describe('resultsCommand', () => {
  it('writes the files, then the results JSON and the done marker the prompt names', async () => {
    const dir = await tempDir();
    const refs = { taskId: 't1', runId: 'r-1', resultsPath: join(dir, 'results/t1.json'), donePath: join(dir, 'done/t1.done') };
    await execa('bash', ['-c', resultsCommand(refs, { summary: 'did it', notes: "it's fine" }, { 'src/a.js': 'export const a = `$HOME`;\n' })], { cwd: dir });
    expect(await readFile(join(dir, 'src/a.js'), 'utf8')).toBe('export const a = `$HOME`;\n');
    expect(JSON.parse(await readFile(refs.resultsPath, 'utf8'))).toEqual({ task_id: 't1', run_id: 'r-1', status: 'completed', summary: 'did it', files_changed: ['src/a.js'], notes: "it's fine" });
    expect(await readFile(refs.donePath, 'utf8')).toBe('');
  });

  it('refuses a prompt without a results path or run id', () => {
    expect(() => resultsCommand({ taskId: 't' })).toThrow(/names no results path and run id/);
  });
});
