import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { doctor } from '@planwright/run-store';
import { agentCliPath, followBriefGemini, geminiReply, prepareGeminiHome, startGeminiServer, type GeminiServer } from '@planwright/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture, runRealAgent, type Fixture } from '../../test/fixture.js';
import { resumeTask, runPrintedResume } from '../../test/resume-task.js';
import { doctorAgents } from '../adapters/doctor-agents.js';
import { geminiAdapter } from '../adapters/gemini/gemini-adapter.js';
import type { OrchestrateOptions, OrchestratorEvent } from '../orchestrate/options.js';

const MODEL = 'gemini-2.5-pro';
const streamRequests = (server: GeminiServer) => server.requests.filter((request) => request.url.includes(':streamGenerateContent'));
// The user's settings as a person writes them, comments included; never changed by a run.
const USER_SETTINGS = '{\n  // picked by `gemini` at first login\n  "security": { "auth": { "selectedType": "gemini-api-key" } },\n  "ui": { "theme": "GitHub" }\n}\n';

// The real gemini-cli 0.61 as the code agent, against a scripted Gemini API server, offline.
describe('orchestrate with the real Gemini CLI', { timeout: 120_000 }, () => {
  let server: GeminiServer;
  beforeAll(async () => {
    server = await startGeminiServer();
  });
  afterAll(() => server.close());

  /** The fixture's repo with the real gemini; trust comes from --skip-trust, retries from the adapter alone. */
  async function realGemini(fixture: Fixture, userSettings = USER_SETTINGS) {
    const home = await prepareGeminiHome({ server });
    await writeFile(home.settingsFile, userSettings);
    Object.assign(fixture.env, home.env, { GEMINI_BIN: agentCliPath('gemini'), GEMINI_CLI_TRUST_WORKSPACE: undefined });
    return home;
  }

  function run(fixture: Fixture, options: Partial<OrchestrateOptions> = {}) {
    return runRealAgent(fixture, geminiAdapter(), { model: MODEL, ...options });
  }

  it('completes a task: work on disk, results written by write_file, session id and usage recorded', async () => {
    server.setScript(followBriefGemini({ files: { 'NOTES.md': '# notes\n' } }));
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const home = await realGemini(fixture);
    const result = await run(fixture);

    expect(result.exitCode, JSON.stringify(result.outcomes)).toBe(0);
    expect(await readFile(join(fixture.repo, 'NOTES.md'), 'utf8')).toBe('# notes\n');
    const task = await fixture.task('task_001');
    expect(task.status).toBe('agent_done');
    expect(task.thread_id).toMatch(/^[0-9a-f-]{36}$/);
    // Two turns of the scripted server's 5 input / 3 output tokens: this run's own count.
    expect(task.usage).toMatchObject({ input_tokens: 10, output_tokens: 6, cached_input_tokens: 0 });
    const results = JSON.parse(await readFile(join(result.runDir!, 'results', 'task_001.json'), 'utf8'));
    expect(results).toMatchObject({ task_id: 'task_001', run_id: result.runId, status: 'completed', files_changed: ['NOTES.md'] });
    expect(results.generated_by).toBeUndefined();
    expect(streamRequests(server).at(-1)?.url).toContain(`/models/${MODEL}:`);
    expect(await readFile(home.settingsFile, 'utf8')).toBe(USER_SETTINGS);
  });

  it('resumes the session from the code dir, continuing the same conversation', async () => {
    server.setScript(followBriefGemini());
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await realGemini(fixture);
    const result = await run(fixture);
    const sessionId = (await fixture.task('task_001')).thread_id!;
    server.setScript([geminiReply.text('Resumed and checked the work.')]);
    const before = streamRequests(server).length;
    const resumed = await resumeTask(geminiAdapter(), fixture, result.runDir!, sessionId, 'Please double-check your work on task_001.', MODEL);
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(resumed.state).toMatchObject({ sessionId, lastMessage: 'Resumed and checked the work.', turnEnded: true, usage: { input_tokens: 5, output_tokens: 3 } });
    const request = JSON.stringify(streamRequests(server)[before]!.body);
    expect(request).toContain('You are a code agent executing task_001');
    expect(request).toContain('Please double-check your work on task_001.');
  });

  it('doctor --print-rerun prints a gemini resume that works: pasted, it continues the same session', async () => {
    server.setScript(followBriefGemini());
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await realGemini(fixture);
    const result = await run(fixture);
    const sessionId = (await fixture.task('task_001')).thread_id!;
    const report = await doctor({ runDir: result.runDir!, repo: fixture.repo, printRerun: true, agents: doctorAgents() });
    expect(report.rerun!.resume).toMatchObject({ cwd: fixture.repo, prompt_on_stdin: false });
    server.setScript([geminiReply.text('Resumed from the doctor.')]);
    const before = streamRequests(server).length;
    const resumed = await runPrintedResume(report.rerun!.resume!, agentCliPath('gemini'), geminiAdapter(), fixture.env);
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(resumed.state).toMatchObject({ sessionId, lastMessage: 'Resumed from the doctor.', turnEnded: true });
    const request = JSON.stringify(streamRequests(server)[before]!.body);
    expect(request).toContain('You are a code agent executing task_001');
    expect(request).toContain('You stopped before finishing task_001.');
  });

  it('a 401 blocks the task at once, the API message in blocked_reason and the fallback results', async () => {
    server.setScript([geminiReply.error(401, 'API key not valid. Please pass a valid API key.')]);
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await realGemini(fixture);
    const before = streamRequests(server).length;
    const result = await run(fixture);

    expect(result.exitCode).toBe(1);
    expect(streamRequests(server).length - before).toBe(1);
    const task = await fixture.task('task_001');
    expect(task.status).toBe('blocked');
    expect(task.blocked_reason).toBe('agent_failed: API error 401 UNAUTHENTICATED: API key not valid. Please pass a valid API key.');
    const fallback = JSON.parse(await readFile(join(result.runDir!, 'results', 'task_001.json'), 'utf8'));
    expect(fallback).toMatchObject({ status: 'partial', exit_code: 145, generated_by: 'planwright', error: expect.stringContaining('API key not valid') });
    expect(geminiAdapter().describeExit!({ code: 145, signal: null }, { turnEnded: true, events: 0 })).toBe('the API key or login was rejected (HTTP 401, exit 145)');
  });

  it('a 429 fails fast: one retry (general.maxAttempts through a settings home), the user settings untouched', async () => {
    server.setScript(() => geminiReply.error(429, 'Resource has been exhausted (e.g. check quota).'));
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const home = await realGemini(fixture);
    const before = streamRequests(server).length;
    // Pausing off: the limit ends the task as before (the next test waits it out).
    const result = await run(fixture, { maxPauseMinutes: 0 });

    // gemini alone would try 10 times over about 3.5 minutes: the count of requests shows it stopped after
    // one retry, without asserting wall-clock time (which load on the machine could stretch).
    expect(streamRequests(server).length - before).toBe(2);
    expect(result.outcomes[0]).toMatchObject({ status: 'blocked', exitCode: 173 });
    const task = await fixture.task('task_001');
    expect(task.blocked_reason).toMatch(/^agent_failed: API error 429: Resource has been exhausted \(e\.g\. check quota\)\./);
    const fallback = JSON.parse(await readFile(join(result.runDir!, 'results', 'task_001.json'), 'utf8'));
    expect(fallback.error).toContain('429');
    expect(await readFile(home.settingsFile, 'utf8')).toBe(USER_SETTINGS);
  });

  it('a 429 that outlasts its retries (exit 173) pauses the task; after the reset it names, the session gemini never saved is refused (exit 42) and the task starts afresh and finishes', async () => {
    const agent = followBriefGemini();
    let refused = 0;
    // Both of gemini's attempts are refused, then the model answers.
    server.setScript((request, index) => (request.url.includes(':streamGenerateContent') && refused++ < 2 ? geminiReply.error(429, 'Resource has been exhausted. Please retry in 2s.') : agent(request, index)));
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await realGemini(fixture);
    const events: OrchestratorEvent[] = [];
    const result = await run(fixture, { maxPauseMinutes: 1, onEvent: (event) => events.push(event) });
    expect(result.exitCode, JSON.stringify(result.outcomes)).toBe(0);
    expect(events.find((event) => event.type === 'task-paused'), JSON.stringify(events)).toMatchObject({ taskId: 'task_001', agent: 'gemini', reason: expect.stringContaining('429') });
    expect(events.flatMap((event) => (event.type === 'task-started' ? [event.resumed] : []))).toEqual([false, true, false]);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'agent_done' });
  });

  it('exit 41 (no auth method chosen) is explained with how to log in', async () => {
    server.setScript([geminiReply.text('unreachable')]);
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await realGemini(fixture, '{}\n');
    const result = await run(fixture);

    expect(result.outcomes[0]).toMatchObject({ status: 'blocked', exitCode: 41 });
    expect((await fixture.task('task_001')).blocked_reason).toMatch(/exit.41/);
    expect(geminiAdapter().describeExit!({ code: 41, signal: null }, { turnEnded: false, events: 0 })).toBe(
      'authentication failed (exit 41): run `gemini` once to log in, or set GEMINI_API_KEY',
    );
  });
});
