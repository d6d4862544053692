import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { CodexReply } from './codex-replies.js';
import { followBriefAgent } from './follow-brief-agent.js';
import { followBriefClaude } from './follow-brief-claude.js';
import { type HandshakeLapse, STALE_RUN_ID } from './handshake-lapse.js';
import type { RecordedRequest } from './http-server.js';
import { tempDir, writeBrief } from './test-support.js';

const user = (text: string) => ({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
const codexRequest = (cwd: string, ...texts: string[]): RecordedRequest => ({
  method: 'POST',
  url: '/v1/responses',
  headers: {},
  body: { input: [user(`<environment_context>\n  <cwd>${cwd}</cwd>\n</environment_context>`), ...texts.flatMap((text, index) => (index === 0 ? [user(text)] : [{ type: 'message', role: 'assistant', content: [] }, user(text)]))] },
});
const read = (path: string) => readFile(path, 'utf8').catch(() => undefined);

/** Plays one request of a codex turn: runs the command the script answers (if any) in `repo`. */
async function codexTurn(reply: CodexReply, repo: string): Promise<void> {
  const item = reply.kind === 'response' ? reply.items[0] : undefined;
  if (item?.type === 'function_call') await execa('bash', ['-c', JSON.parse(String(item.arguments)).cmd], { cwd: repo });
}

describe('followBriefAgent with a lapse', () => {
  const runId = '20261206-100000-7-beef';
  const valid = `${JSON.stringify({ task_id: 't1', run_id: runId, status: 'completed', summary: 'Did t1.', files_changed: ['NOTES.md'], notes: '' }, null, 2)}\n`;

  it.each<[HandshakeLapse, { first?: string; repo?: string; second?: string }]>([
    ['late-results', { first: undefined, second: valid }],
    ['no-results', { first: undefined, second: undefined }],
    ['fenced-json', { first: `\`\`\`json\n${valid}\`\`\`\n` }],
    ['results-in-repo', { first: undefined, repo: valid }],
    ['stale-run-id', { first: valid.replace(runId, STALE_RUN_ID), second: valid }],
  ])('%s: the results it leaves after the prompt, and after a reminder', async (lapse, expected) => {
    const [repo, runDir] = [await tempDir(), await tempDir()];
    const { prompt, resultsPath } = await writeBrief(runDir, 't1', runId);
    const agent = followBriefAgent({ files: { 'NOTES.md': '# n\n' }, lapse });
    await codexTurn(await agent(codexRequest(repo, prompt), 0), repo);
    expect(await read(join(repo, 'NOTES.md'))).toBe('# n\n');
    expect(await read(resultsPath)).toBe(expected.first);
    expect(await read(join(repo, 'results', 't1.json'))).toBe(expected.repo);
    if ('second' in expected) {
      await codexTurn(await agent(codexRequest(repo, prompt, 'You ended your turn without writing the results file.'), 1), repo);
      expect(await read(resultsPath)).toBe(expected.second);
    }
  });

  it('ends a turn without results with words about the work, not about results', async () => {
    const runDir = await tempDir();
    const { prompt } = await writeBrief(runDir, 't1', runId);
    const reply = await followBriefAgent({ lapse: 'no-results' })(codexRequest(runDir, prompt), 0);
    expect(reply).toMatchObject({ kind: 'response', items: [{ type: 'message', content: [{ text: 'I made the changes for t1; the work is saved.' }] }] });
  });
});

describe('followBriefClaude with a lapse', () => {
  const system = (repo: string) => [{ type: 'text', text: `# Environment\n - Primary working directory: ${repo}` }];
  const uses = (reply: Awaited<ReturnType<ReturnType<typeof followBriefClaude>>>) =>
    reply.kind === 'message' ? reply.content.map((block) => (block.type === 'tool_use' ? `${block.name} ${String(block.input.file_path)}` : `text ${block.text}`)) : [];

  it('stale-run-id: writes the old run id, then on the reminder Reads the file before it Writes it again (Write refuses unread files)', async () => {
    const [repo, runDir] = [await tempDir(), await tempDir()];
    const { prompt, resultsPath } = await writeBrief(runDir, 't1', 'r-now');
    const script = followBriefClaude({ files: { 'NOTES.md': '# n\n' }, lapse: 'stale-run-id' });
    const first = await script({ method: 'POST', url: '/v1/messages', headers: {}, body: { system: system(repo), messages: [{ role: 'user', content: prompt }] } }, 0);
    expect(uses(first)).toEqual([`Write ${repo}/NOTES.md`, `Write ${resultsPath}`]);
    expect(first.kind === 'message' && first.content[1]?.type === 'tool_use' && JSON.parse(String(first.content[1].input.content)).run_id).toBe(STALE_RUN_ID);

    const done = { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'x', content: 'ok' }] };
    const reminded = [{ role: 'user', content: prompt }, { role: 'assistant', content: [] }, done, { role: 'assistant', content: [] }, { role: 'user', content: 'Write it again with run_id "r-now".' }];
    const body = (...more: object[]) => ({ method: 'POST', url: '/v1/messages', headers: {}, body: { system: system(repo), messages: [...reminded, ...more] } });
    expect(uses(await script(body(), 1))).toEqual([`Read ${resultsPath}`]);
    const second = await script(body({ role: 'assistant', content: [] }, done), 2);
    expect(uses(second)).toEqual([`Write ${resultsPath}`]);
    expect(second.kind === 'message' && second.content[0]?.type === 'tool_use' && JSON.parse(String(second.content[0].input.content)).run_id).toBe('r-now');
    expect(uses(await script(body({ role: 'assistant', content: [] }, done, { role: 'assistant', content: [] }, done), 3))).toEqual([`text Finished t1: results written to ${resultsPath}.`]);
  });

  it('no-results: Writes the work only, and ends the reminder turn with words alone', async () => {
    const [repo, runDir] = [await tempDir(), await tempDir()];
    const { prompt } = await writeBrief(runDir, 't1', 'r-now');
    const script = followBriefClaude({ files: { 'NOTES.md': '# n\n' }, lapse: 'no-results' });
    const request = (messages: object[]): RecordedRequest => ({ method: 'POST', url: '/v1/messages', headers: {}, body: { system: system(repo), messages } });
    expect(uses(await script(request([{ role: 'user', content: prompt }]), 0))).toEqual([`Write ${repo}/NOTES.md`]);
    const reminded = await script(request([{ role: 'user', content: prompt }, { role: 'assistant', content: [] }, { role: 'user', content: 'You ended your turn without writing the results file.' }]), 1);
    expect(uses(reminded)).toEqual(['text I wrote NOTES.md for t1; the work is saved.']);
  });
});
