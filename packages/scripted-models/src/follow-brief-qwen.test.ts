import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followBriefQwen } from './follow-brief-qwen.js';
import type { RecordedRequest } from './http-server.js';
import { prepareQwenHome } from './qwen-home.js';
import { tempDir, writeBrief } from './test-support.js';

const request = (messages: unknown[]): RecordedRequest => ({ method: 'POST', url: '/v1/chat/completions', headers: {}, body: { messages } });
const reminder = (repo: string) => ({ type: 'text', text: `<system-reminder>\nThis is the Qwen Code.\nI'm currently working in the directory: ${repo}\n</system-reminder>` });

describe('followBriefQwen', () => {
  it('answers the prompt with write_file calls (files in the cwd qwen names, then the results), then a message once the tools ran', async () => {
    const [repo, runDir] = [await tempDir(), await tempDir()];
    const { prompt, resultsPath } = await writeBrief(runDir, 'task_007', 'r1-ab12');
    const script = followBriefQwen({ files: { 'NOTES.md': '# n\n' } });
    const user = { role: 'user', content: [reminder(repo), { type: 'text', text: prompt }] };
    const first = await script(request([{ role: 'system', content: 'You are Qwen Code' }, user]), 0);
    const calls = first.kind === 'message' ? first.toolCalls : [];
    expect(calls.map((call) => [call.name, call.arguments.file_path])).toEqual([['write_file', `${repo}/NOTES.md`], ['write_file', resultsPath]]);
    expect(JSON.parse(String(calls[1]!.arguments.content))).toMatchObject({ task_id: 'task_007', run_id: 'r1-ab12', status: 'completed', files_changed: ['NOTES.md'] });
    const after = await script(request([user, { role: 'assistant', content: null, tool_calls: [] }, { role: 'tool', content: 'ok' }]), 1);
    expect(after).toEqual({ kind: 'message', content: `Finished task_007: results written to ${resultsPath}.`, toolCalls: [] });
  });

  it('takes the first of several workspace folders as its cwd', async () => {
    const [repo, runDir] = [await tempDir(), await tempDir()];
    const { prompt } = await writeBrief(runDir, 'task_007', 'r1-ab12');
    const folders = { type: 'text', text: `<system-reminder>\nI'm currently working in the following directories:\n  - ${repo}\n  - ${runDir}\nHere is the folder structure` };
    const first = await followBriefQwen({ files: { 'NOTES.md': '# n\n' } })(request([{ role: 'user', content: [folders, { type: 'text', text: prompt }] }]), 0);
    expect(first.kind === 'message' ? first.toolCalls[0]?.arguments.file_path : undefined).toBe(`${repo}/NOTES.md`);
  });

  it('on a later prompt of the session writes only the results; says what it could not find', async () => {
    const [repo, runDir] = [await tempDir(), await tempDir()];
    const { prompt, resultsPath } = await writeBrief(runDir, 'task_007', 'r1-ab12');
    const script = followBriefQwen({ files: { 'NOTES.md': '# n\n' } });
    const session = [{ role: 'user', content: [reminder(repo), { type: 'text', text: prompt }] }, { role: 'assistant', content: 'done' }, { role: 'user', content: 'Write the results now.' }];
    const calls = async (messages: unknown[]) => {
      const reply = await script(request(messages), 2);
      return reply.kind === 'message' ? reply.toolCalls.map((call) => [call.name, call.arguments.file_path]) : [];
    };
    // write_file overwrites only what the session has read: read first, then write.
    expect(await calls(session)).toEqual([['read_file', resultsPath]]);
    expect(await calls([...session, { role: 'assistant', content: null }, { role: 'tool', content: 'x' }])).toEqual([['write_file', resultsPath]]);
    expect(JSON.stringify(await script(request([{ role: 'user', content: 'hello' }]), 0))).toContain('I could not find the results path and run id');
  });
});

describe('prepareQwenHome', () => {
  it('selects the OpenAI-compatible auth in the user settings and points it at the server', async () => {
    const dir = await tempDir();
    const home = await prepareQwenHome({ server: { url: 'http://127.0.0.1:9/v1' }, dir, settings: { model: { generationConfig: { maxRetries: 0 } } } });
    expect(home.env).toMatchObject({ HOME: dir, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_API_KEY: 'x', QWEN_HOME: undefined });
    expect(JSON.parse(await readFile(join(dir, '.qwen', 'settings.json'), 'utf8'))).toMatchObject({ security: { auth: { selectedType: 'openai' } }, model: { generationConfig: { maxRetries: 0 } } });
  });
});
