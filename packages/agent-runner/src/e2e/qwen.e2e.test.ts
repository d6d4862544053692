import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { agentCliPath, findBriefRefs, followBriefQwen, prepareQwenHome, qwenReply, startQwenServer, type QwenReply, type QwenServer, type ScriptFunction } from '@planwright/test-utils';
import { doctor } from '@planwright/run-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture, runRealAgent, type Fixture } from '../../test/fixture.js';
import { runPrintedResume } from '../../test/resume-task.js';
import { doctorAgents } from '../adapters/doctor-agents.js';
import { qwenAdapter } from '../adapters/qwen/qwen-adapter.js';
import type { OrchestrateOptions } from '../orchestrate/options.js';

const MODEL = 'qwen3-coder-plus';
const turns = (server: QwenServer) => server.requests.filter((request) => request.url.startsWith('/v1/chat/completions'));
/** A chat message's text: its string content, or its text parts joined. */
const textOf = (message: { content?: unknown }): string =>
  typeof message.content === 'string' ? message.content : Array.isArray(message.content) ? message.content.map((part: { text?: string }) => part.text ?? '').join('\n') : '';

// The real qwen-code 0.24 as the code agent, against a scripted OpenAI Chat Completions server, offline.
describe('orchestrate with the real Qwen Code CLI', { timeout: 180_000 }, () => {
  let server: QwenServer;
  beforeAll(async () => {
    server = await startQwenServer();
  });
  afterAll(() => server.close());

  /** The fixture's repo with the real qwen; its retry bound comes from the adapter alone. */
  async function realQwen(fixture: Fixture): Promise<void> {
    const { env } = await prepareQwenHome({ server });
    Object.assign(fixture.env, env, { QWEN_BIN: agentCliPath('qwen') });
  }

  function run(fixture: Fixture, options: Partial<OrchestrateOptions> = {}) {
    return runRealAgent(fixture, qwenAdapter(), { model: MODEL, ...options });
  }

  it('completes a task: work on disk, results written by write_file, session id and usage recorded', async () => {
    server.setScript(followBriefQwen({ files: { 'NOTES.md': '# notes\n' } }));
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await realQwen(fixture);
    const before = turns(server).length;
    const result = await run(fixture);

    expect(result.exitCode, JSON.stringify(result.outcomes)).toBe(0);
    expect(await readFile(join(fixture.repo, 'NOTES.md'), 'utf8')).toBe('# notes\n');
    const task = await fixture.task('task_001');
    expect(task.status).toBe('agent_done');
    expect(task.thread_id).toMatch(/^[0-9a-f-]{36}$/);
    // Two requests (the writes, then the closing message) of the server's 5 input / 3 output tokens.
    expect(turns(server).length - before).toBe(2);
    expect(task.usage).toMatchObject({ input_tokens: 10, output_tokens: 6, cached_input_tokens: 0 });
    const results = JSON.parse(await readFile(join(result.runDir!, 'results', 'task_001.json'), 'utf8'));
    expect(results).toMatchObject({ task_id: 'task_001', run_id: result.runId, status: 'completed', files_changed: ['NOTES.md'] });
    expect(results.generated_by).toBeUndefined();
    expect(turns(server).at(-1)?.body.model).toBe(MODEL);
  });

  it('a failing verify resumes the same session with the failing output; the fix passes, usage counted once per run', async () => {
    const firstTurn = followBriefQwen({ files: { 'NOTES.md': '# notes\n' } });
    // On the follow-up the agent reads NOTES.md (write_file overwrites only what it has read), fixes it and
    // writes the results the brief's handshake section asks for; then it ends its turn.
    const fixOnFollowUp: ScriptFunction<QwenReply> = async (request, index) => {
      const messages: Array<{ role: string; content?: unknown }> = request.body.messages;
      const at = messages.findLastIndex((message) => message.role === 'user' && textOf(message).includes('The verification of task_001 failed'));
      if (at === -1) return firstTurn(request, index);
      const step = messages.slice(at + 1).filter((message) => message.role === 'assistant').length;
      const notes = join(fixture.repo, 'NOTES.md');
      if (step === 0) return qwenReply.toolCall('read_file', { file_path: notes });
      if (step > 1) return qwenReply.text('Fixed NOTES.md.');
      const { briefPath } = findBriefRefs(textOf(messages.find((message) => message.role === 'user' && textOf(message).includes('instructions in:'))!));
      const refs = findBriefRefs(await readFile(briefPath!, 'utf8'));
      return qwenReply.toolCalls([
        { name: 'write_file', arguments: { file_path: notes, content: '# notes\nfixed\n' } },
        { name: 'write_file', arguments: { file_path: refs.resultsPath!, content: JSON.stringify({ ...refs.results, status: 'completed', summary: 'Fixed NOTES.md.' }) } },
      ]);
    };
    server.setScript(fixOnFollowUp);
    const fixture = await orchestratorFixture([{ ...fakeTask('task_001'), verify: ['grep -q fixed NOTES.md'] }]);
    await realQwen(fixture);
    const before = turns(server).length;
    const result = await run(fixture, { autoVerify: true, retries: 1 });

    expect(result.exitCode, JSON.stringify(result.outcomes)).toBe(0);
    const task = await fixture.task('task_001');
    expect(task).toMatchObject({ status: 'done', verified_by: 'auto', attempts: 2 });
    expect(await readFile(join(fixture.repo, 'NOTES.md'), 'utf8')).toBe('# notes\nfixed\n');
    const followUp = turns(server).slice(before).find((request) => textOf(request.body.messages.at(-1)).includes('The verification of task_001 failed'));
    // Resumed, not started anew: the first prompt and its tool calls are still in the conversation.
    expect(JSON.stringify(followUp?.body.messages)).toContain('You are a code agent executing task_001');
    expect(textOf(followUp!.body.messages.at(-1))).toContain('grep -q fixed NOTES.md');
    // qwen reports the whole session's tokens (25/15 at the end); each run's share is counted once:
    // 2 requests, then 3 (read, write, closing), of 5 input / 3 output tokens each.
    expect(task.usage).toMatchObject({ input_tokens: 25, output_tokens: 15 });
  });

  it('doctor --print-rerun prints a qwen resume that works: pasted, the prompt on stdin, it continues the same session', async () => {
    server.setScript(followBriefQwen());
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await realQwen(fixture);
    const result = await run(fixture);
    const sessionId = (await fixture.task('task_001')).thread_id!;
    // doctor knows qwen only through the registry (doctorAgents): its log's session id, its resume command.
    const report = await doctor({ runDir: result.runDir!, repo: fixture.repo, printRerun: true, agents: doctorAgents() });
    expect(report.rerun!.resume).toMatchObject({ cwd: fixture.repo, prompt_on_stdin: true });
    expect(report.rerun!.resume!.argv).toEqual(expect.arrayContaining(['--resume', sessionId]));
    server.setScript([qwenReply.text('Resumed from the doctor.')]);
    const before = turns(server).length;
    const resumed = await runPrintedResume(report.rerun!.resume!, agentCliPath('qwen'), qwenAdapter(), fixture.env);
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(resumed.state).toMatchObject({ sessionId, lastMessage: 'Resumed from the doctor.', turnEnded: true });
    const request = JSON.stringify(turns(server)[before]!.body.messages);
    expect(request).toContain('You are a code agent executing task_001');
    expect(request).toContain('You stopped before finishing task_001.');
  });

  it('with --max-pause-minutes 0, a usage limit (a quota that resets) blocks the task at once, the reason in blocked_reason and the fallback results', async () => {
    server.setScript(() => qwenReply.error(429, 'You exceeded your current quota, it will reset at 2026-12-07T00:00:00Z.'));
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await realQwen(fixture);
    // Pausing off: the limit ends the task as before.
    const result = await run(fixture, { maxPauseMinutes: 0 });

    expect(result.outcomes[0]).toMatchObject({ status: 'blocked', exitCode: 1 });
    const task = await fixture.task('task_001');
    expect(task.blocked_reason).toBe('agent_failed: usage limit reached: Quota exhausted: You exceeded your current quota, it will reset at 2026-12-07T00:00:00Z.');
    const fallback = JSON.parse(await readFile(join(result.runDir!, 'results', 'task_001.json'), 'utf8'));
    expect(fallback).toMatchObject({ status: 'partial', exit_code: 1, generated_by: 'planwright' });
  });
});
