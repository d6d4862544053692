import { describe, expect, it } from 'vitest';
import { followBriefClaude } from './follow-brief-claude.js';
import { followBriefGemini } from './follow-brief-gemini.js';
import type { RecordedRequest } from './http-server.js';

const prompt = [
  'You are a code agent executing task_007.',
  '1) Read and follow the instructions in: /repo/.plans/pr-1/runs/r1/tasks/task_007.md',
  '2) When finished, write a JSON summary to: /repo/.plans/pr-1/runs/r1/results/task_007.json',
  '3) Include run_id=r1-ab12',
].join('\n');
const request = (body: unknown): RecordedRequest => ({ method: 'POST', url: '/', headers: {}, body });
const results = { task_id: 'task_007', run_id: 'r1-ab12', status: 'completed', summary: 'Did task_007.', files_changed: ['NOTES.md'] };

describe('followBriefGemini', () => {
  const context = '<session_context>\nThis is the Gemini CLI.\n- **Workspace Directories:**\n  - /repo\n  - /repo/.plans/pr-1/runs/r1\n- **Directory Structure:**\n/repo/\n└───old/done/task_007.done\n</session_context>';

  it('answers the prompt with write_file calls (files in the cwd gemini names, then the results), then a message', async () => {
    const script = followBriefGemini({ files: { 'NOTES.md': '# n\n' } });
    const first = await script(request({ contents: [{ role: 'user', parts: [{ text: context }, { text: prompt }] }] }), 0);
    expect(first).toEqual({
      kind: 'content',
      parts: [
        { functionCall: { name: 'write_file', args: { file_path: '/repo/NOTES.md', content: '# n\n' } } },
        { functionCall: { name: 'write_file', args: { file_path: '/repo/.plans/pr-1/runs/r1/results/task_007.json', content: `${JSON.stringify(results, null, 2)}\n` } } },
      ],
    });
    const after = await script(request({ contents: [{ role: 'user', parts: [{ text: prompt }] }, { role: 'model', parts: [] }, { role: 'user', parts: [{ functionResponse: { name: 'write_file' } }] }] }), 1);
    expect(after).toEqual({ kind: 'content', parts: [{ text: 'Finished task_007: results written to /repo/.plans/pr-1/runs/r1/results/task_007.json.' }] });
  });

  it('says what it could not find', async () => {
    const reply = await followBriefGemini()(request({ contents: [{ role: 'user', parts: [{ text: 'hello' }] }] }), 0);
    expect(JSON.stringify(reply)).toContain('I could not find the results path and run id');
  });
});

describe('followBriefClaude', () => {
  const system = [{ type: 'text', text: 'You are Claude Code.' }, { type: 'text', text: '# Environment\n - Primary working directory: /repo\n - Is a git repository: true' }];

  it('answers the prompt with Write tool uses (absolute paths), then a message once the tool results are back', async () => {
    const script = followBriefClaude({ files: { 'NOTES.md': '# n\n' }, status: 'partial' });
    const first = await script(request({ system, messages: [{ role: 'user', content: [{ type: 'text', text: '<system-reminder>run_id=wrong</system-reminder>' }, { type: 'text', text: prompt }] }] }), 0);
    expect(first.kind).toBe('message');
    const uses = first.kind === 'message' ? first.content : [];
    expect(uses.map((block) => (block.type === 'tool_use' ? [block.name, block.input.file_path] : block.type))).toEqual([
      ['Write', '/repo/NOTES.md'],
      ['Write', '/repo/.plans/pr-1/runs/r1/results/task_007.json'],
    ]);
    const written = uses[1]?.type === 'tool_use' ? JSON.parse(String(uses[1].input.content)) : undefined;
    expect(written).toEqual({ ...results, status: 'partial' });
    const after = await script(request({ system, messages: [{ role: 'user', content: prompt }, { role: 'assistant', content: [] }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'x', content: 'ok' }] }] }), 1);
    expect(after).toEqual({ kind: 'message', content: [{ type: 'text', text: 'Finished task_007: results written to /repo/.plans/pr-1/runs/r1/results/task_007.json.' }] });
  });
});
