import { describe, expect, it } from 'vitest';
import { followBriefClaude } from './follow-brief-claude.js';
import { followBriefGemini } from './follow-brief-gemini.js';
import type { RecordedRequest } from './http-server.js';
import { tempDir, writeBrief } from './test-support.js';

const request = (body: unknown): RecordedRequest => ({ method: 'POST', url: '/', headers: {}, body });
const results = (resultsPath: string, content: unknown) => ({ resultsPath, content: JSON.parse(String(content)) });

describe('followBriefGemini', () => {
  const context = (repo: string, runDir: string) =>
    `<session_context>\nThis is the Gemini CLI.\n- **Workspace Directories:**\n  - ${repo}\n  - ${runDir}\n- **Directory Structure:**\n${repo}/\n└───old/done/task_007.done\n</session_context>`;

  it('answers the prompt with write_file calls (files in the cwd gemini names, then the results), then a message', async () => {
    const [repo, runDir] = [await tempDir(), await tempDir()];
    const { prompt, resultsPath } = await writeBrief(runDir, 'task_007', 'r1-ab12');
    const script = followBriefGemini({ files: { 'NOTES.md': '# n\n' } });
    const first = await script(request({ contents: [{ role: 'user', parts: [{ text: context(repo, runDir) }, { text: prompt }] }] }), 0);
    const calls = first.kind === 'content' ? first.parts.map((part) => (part as { functionCall: { name: string; args: { file_path: string; content: string } } }).functionCall) : [];
    expect(calls.map((call) => [call.name, call.args.file_path])).toEqual([['write_file', `${repo}/NOTES.md`], ['write_file', resultsPath]]);
    expect(JSON.parse(calls[1]!.args.content)).toEqual({ task_id: 'task_007', run_id: 'r1-ab12', status: 'completed', summary: 'Did task_007.', files_changed: ['NOTES.md'], notes: '' });
    const after = await script(request({ contents: [{ role: 'user', parts: [{ text: context(repo, runDir) }, { text: prompt }] }, { role: 'model', parts: [] }, { role: 'user', parts: [{ functionResponse: { name: 'write_file' } }] }] }), 1);
    expect(after).toEqual({ kind: 'content', parts: [{ text: `Finished task_007: results written to ${resultsPath}.` }] });
  });

  it('says what it could not find', async () => {
    const reply = await followBriefGemini()(request({ contents: [{ role: 'user', parts: [{ text: 'hello' }] }] }), 0);
    expect(JSON.stringify(reply)).toContain('I could not find the results path and run id');
  });
});

describe('followBriefClaude', () => {
  const system = (repo: string) => [{ type: 'text', text: 'You are Claude Code.' }, { type: 'text', text: `# Environment\n - Primary working directory: ${repo}\n - Is a git repository: true` }];

  it('answers the prompt with Write tool uses (absolute paths), then a message once the tool results are back', async () => {
    const [repo, runDir] = [await tempDir(), await tempDir()];
    const { prompt, resultsPath } = await writeBrief(runDir, 'task_007', 'r1-ab12');
    const script = followBriefClaude({ files: { 'NOTES.md': '# n\n' }, status: 'partial' });
    const first = await script(request({ system: system(repo), messages: [{ role: 'user', content: [{ type: 'text', text: '<system-reminder>Read and follow the instructions in: /elsewhere/tasks/x.md</system-reminder>' }, { type: 'text', text: prompt }] }] }), 0);
    const uses = first.kind === 'message' ? first.content : [];
    expect(uses.map((block) => (block.type === 'tool_use' ? [block.name, block.input.file_path] : block.type))).toEqual([
      ['Write', `${repo}/NOTES.md`],
      ['Write', resultsPath],
    ]);
    const written = uses[1]?.type === 'tool_use' ? results(resultsPath, uses[1].input.content) : undefined;
    expect(written?.content).toMatchObject({ task_id: 'task_007', run_id: 'r1-ab12', status: 'partial', files_changed: ['NOTES.md'] });
    const after = await script(request({ system: system(repo), messages: [{ role: 'user', content: prompt }, { role: 'assistant', content: [] }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'x', content: 'ok' }] }] }), 1);
    expect(after).toEqual({ kind: 'message', content: [{ type: 'text', text: `Finished task_007: results written to ${resultsPath}.` }] });
  });
});
