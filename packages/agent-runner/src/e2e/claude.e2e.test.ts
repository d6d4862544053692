import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { doctor } from '@planwright/run-store';
import { agentCliPath, claudeReply, followBriefClaude, prepareClaudeHome, startClaudeServer, type ClaudeServer } from '@planwright/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture, runRealAgent, type Fixture } from '../../test/fixture.js';
import { resumeTask, runPrintedResume } from '../../test/resume-task.js';
import { doctorAgents } from '../adapters/doctor-agents.js';
import { claudeAdapter } from '../adapters/claude/claude-adapter.js';
import type { OrchestrateOptions } from '../orchestrate/options.js';

const MODEL = 'claude-sonnet-4-5';
const turns = (server: ClaudeServer) => server.requests.filter((request) => request.url.startsWith('/v1/messages') && Array.isArray(request.body?.tools) && request.body.tools.length > 0);

// The real claude-code 2.1 as the code agent, against a scripted Messages API server, offline.
describe('orchestrate with the real Claude Code CLI', { timeout: 120_000 }, () => {
  let server: ClaudeServer;
  beforeAll(async () => {
    server = await startClaudeServer();
  });
  afterAll(() => server.close());

  /** The fixture's repo with the real claude; IS_SANDBOX (as root) and the retry bound come from the adapter alone. */
  async function realClaude(fixture: Fixture): Promise<void> {
    const { env } = await prepareClaudeHome({ server });
    Object.assign(fixture.env, env, { CLAUDE_BIN: agentCliPath('claude'), IS_SANDBOX: undefined, CLAUDE_CODE_MAX_RETRIES: undefined });
  }

  function run(fixture: Fixture, options: Partial<OrchestrateOptions> = {}) {
    return runRealAgent(fixture, claudeAdapter(), { model: MODEL, ...options });
  }

  it('completes a task: work on disk, results written by Write, session id, usage and cost recorded', async () => {
    server.setScript(followBriefClaude({ files: { 'NOTES.md': '# notes\n' } }));
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await realClaude(fixture);
    const result = await run(fixture);

    expect(result.exitCode, JSON.stringify(result.outcomes)).toBe(0);
    expect(await readFile(join(fixture.repo, 'NOTES.md'), 'utf8')).toBe('# notes\n');
    const task = await fixture.task('task_001');
    expect(task.status).toBe('agent_done');
    expect(task.thread_id).toMatch(/^[0-9a-f-]{36}$/);
    // Two turns of the scripted server's 5 input / 3 output tokens, priced by Claude Code itself.
    expect(task.usage).toMatchObject({ input_tokens: 10, output_tokens: 6, cached_input_tokens: 0 });
    expect(task.usage?.cost_usd).toBeGreaterThan(0);
    const results = JSON.parse(await readFile(join(result.runDir!, 'results', 'task_001.json'), 'utf8'));
    expect(results).toMatchObject({ task_id: 'task_001', run_id: result.runId, status: 'completed', files_changed: ['NOTES.md'] });
    expect(results.generated_by).toBeUndefined();
    expect(turns(server).at(-1)?.body.model).toBe(MODEL);
  });

  it('resumes the session with a new prompt, continuing the same conversation', async () => {
    server.setScript(followBriefClaude());
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await realClaude(fixture);
    const result = await run(fixture);
    const sessionId = (await fixture.task('task_001')).thread_id!;
    server.setScript([claudeReply.text('Resumed and checked the work.')]);
    const before = turns(server).length;
    const resumed = await resumeTask(claudeAdapter(), fixture, result.runDir!, sessionId, '-- Please double-check your work on task_001.', MODEL);
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(resumed.state).toMatchObject({ sessionId, lastMessage: 'Resumed and checked the work.', turnEnded: true, usage: { input_tokens: 5, output_tokens: 3 } });
    const request = JSON.stringify(turns(server)[before]!.body.messages);
    expect(request).toContain('You are a code agent executing task_001');
    // A prompt that starts with dashes is still the prompt (it comes after `--`).
    expect(request).toContain('-- Please double-check your work on task_001.');
  });

  it('doctor --print-rerun prints a claude resume that works: pasted, it continues the same session', async () => {
    server.setScript(followBriefClaude());
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await realClaude(fixture);
    const result = await run(fixture);
    const sessionId = (await fixture.task('task_001')).thread_id!;
    const report = await doctor({ runDir: result.runDir!, repo: fixture.repo, printRerun: true, agents: doctorAgents() });
    expect(report.rerun!.resume).toMatchObject({ cwd: fixture.repo, prompt_on_stdin: false });
    server.setScript([claudeReply.text('Resumed from the doctor.')]);
    const before = turns(server).length;
    const resumed = await runPrintedResume(report.rerun!.resume!, agentCliPath('claude'), claudeAdapter(), fixture.env);
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(resumed.state).toMatchObject({ sessionId, lastMessage: 'Resumed from the doctor.', turnEnded: true });
    const request = JSON.stringify(turns(server)[before]!.body.messages);
    expect(request).toContain('You are a code agent executing task_001');
    expect(request).toContain('You stopped before finishing task_001.');
  });

  it('a 401 blocks the task fast (two retries, not ten), the reason in blocked_reason and the fallback results', async () => {
    server.setScript(() => claudeReply.error(401, 'invalid x-api-key'));
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await realClaude(fixture);
    const before = turns(server).length;
    const result = await run(fixture);

    expect(turns(server).length - before).toBe(3);
    expect(result.outcomes[0]).toMatchObject({ status: 'blocked', exitCode: 1 });
    const task = await fixture.task('task_001');
    expect(task.blocked_reason).toMatch(/^agent_failed: API error 401: .*(Invalid API key|invalid x-api-key)/);
    const fallback = JSON.parse(await readFile(join(result.runDir!, 'results', 'task_001.json'), 'utf8'));
    expect(fallback).toMatchObject({ status: 'partial', exit_code: 1, generated_by: 'planwright', error: expect.stringContaining('401') });
  });

  it('with --max-pause-minutes 0, a 429 blocks the task with the rate limit named (no model named: the prompt still follows --add-dir)', async () => {
    server.setScript(() => claudeReply.error(429, 'Number of requests has exceeded your rate limit'));
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await realClaude(fixture);
    const before = turns(server).length;
    // Pausing off: the limit ends the task as before (pause-claude.e2e.test.ts waits it out).
    const result = await run(fixture, { model: undefined, maxPauseMinutes: 0 });

    expect(turns(server).length - before).toBe(3);
    expect(JSON.stringify(turns(server).at(-1)?.body.messages)).toContain('You are a code agent executing task_001.');
    const task = await fixture.task('task_001');
    expect(task.status).toBe('blocked');
    expect(task.blocked_reason).toBe('agent_failed: API Error: Request rejected (429) · Number of requests has exceeded your rate limit');
    expect(result.outcomes[0]?.exitCode).toBe(1);
  });
});
