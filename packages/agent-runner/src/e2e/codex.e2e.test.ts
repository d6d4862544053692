import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { agentCliPath, codexReply, followBriefAgent, prepareCodexHome, startCodexServer, type CodexServer } from '@planwright/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture, type Fixture } from '../../test/fixture.js';
import { resumeTask } from '../../test/resume-task.js';
import { codexAdapter } from '../adapters/codex/codex-adapter.js';

// The real codex-cli 0.169 as the code agent, against a scripted Responses API server, offline.
describe('orchestrate with the real Codex CLI', { timeout: 120_000 }, () => {
  let server: CodexServer;
  beforeAll(async () => {
    server = await startCodexServer();
  });
  afterAll(() => server.close());

  async function realCodex(fixture: Fixture): Promise<void> {
    const home = await prepareCodexHome({ server });
    Object.assign(fixture.env, home.env, { CODEX_BIN: agentCliPath('codex') });
  }

  it('runs two tasks to agent_done: work on disk, results checked, thread id and usage recorded', async () => {
    server.setScript(followBriefAgent({ files: { 'NOTES.md': '# notes\n' } }));
    const fixture = await orchestratorFixture([fakeTask('task_001'), fakeTask('task_002')]);
    await realCodex(fixture);
    const { result } = await fixture.run({ maxTasks: 2 });
    expect(result.exitCode, JSON.stringify(result.outcomes)).toBe(0);
    expect(await readFile(join(fixture.repo, 'NOTES.md'), 'utf8')).toBe('# notes\n');
    for (const id of ['task_001', 'task_002']) {
      const task = await fixture.task(id);
      expect(task.status).toBe('agent_done');
      expect(task.thread_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(task.usage?.input_tokens).toBeGreaterThan(0);
      const results = JSON.parse(await readFile(join(result.runDir!, 'results', `${id}.json`), 'utf8'));
      expect(results).toMatchObject({ task_id: id, run_id: result.runId, status: 'completed' });
    }
    expect((await fixture.task('task_001')).thread_id).not.toBe((await fixture.task('task_002')).thread_id);
  });

  it('a 401 from the model server ends the task blocked, with the message visible', async () => {
    server.setScript([codexReply.error(401, 'Incorrect API key provided: sk-test')]);
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await realCodex(fixture);
    const { result } = await fixture.run();
    expect(result.exitCode).toBe(1);
    const task = await fixture.task('task_001');
    expect(task.status).toBe('blocked');
    expect(task.blocked_reason).toMatch(/^agent_failed: .*401/);
    const fallback = JSON.parse(await readFile(join(result.runDir!, 'results', 'task_001.json'), 'utf8'));
    expect(fallback).toMatchObject({ status: 'partial', exit_code: 1, generated_by: 'planwright' });
    expect(fallback.error).toMatch(/401/);
  });

  it('resumes a finished task by its thread id, continuing the same conversation', async () => {
    server.setScript(followBriefAgent());
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await realCodex(fixture);
    const { result } = await fixture.run();
    const threadId = (await fixture.task('task_001')).thread_id!;
    server.setScript([codexReply.message('Resumed and checked the work.')]);
    const before = server.requests.length;
    const run = await resumeTask(codexAdapter(), fixture, result.runDir!, threadId, 'Please double-check your work on task_001.');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.state).toMatchObject({ sessionId: threadId, lastMessage: 'Resumed and checked the work.', turnEnded: true });
    // The resumed request carries the earlier turn: the first prompt is in its input.
    const resumed = JSON.stringify(server.requests[before]!.body);
    expect(resumed).toContain('You are a code agent executing task_001');
    expect(resumed).toContain('Please double-check your work on task_001.');
  });
});
