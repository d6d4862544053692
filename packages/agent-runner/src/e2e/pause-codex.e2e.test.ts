import { agentCliPath, codexReply, followBriefAgent, prepareCodexHome, startCodexServer, type CodexServer } from '@planwright/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture } from '../../test/fixture.js';

// The real codex-cli against a scripted server whose first answer is a 429. codex names no reset time, so
// the wait is --max-pause-minutes (3 s here) at most.
describe('usage limits waited out, with the real Codex CLI', { timeout: 120_000 }, () => {
  let server: CodexServer;
  beforeAll(async () => {
    server = await startCodexServer();
  });
  afterAll(() => server.close());

  it('pauses on a 429, waits out the reset, resumes the same thread and finishes', async () => {
    const agent = followBriefAgent();
    server.setScript((request, index) => (index === 0 ? codexReply.error(429, 'Rate limit reached for requests. Please try again in 2s.') : agent(request, index)));
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const home = await prepareCodexHome({ server });
    Object.assign(fixture.env, home.env, { CODEX_BIN: agentCliPath('codex') });
    const { result, events } = await fixture.run({ maxPauseMinutes: 0.05 });
    expect(result.exitCode, JSON.stringify(result.outcomes)).toBe(0);
    const paused = events.find((event) => event.type === 'task-paused');
    expect(paused, JSON.stringify(events)).toMatchObject({ taskId: 'task_001', agent: 'codex', reason: expect.stringMatching(/usage limit: .*429/) });
    expect(events.flatMap((event) => (event.type === 'task-started' ? [event.resumed] : []))).toEqual([false, true]);
    const task = await fixture.task('task_001');
    expect(task).toMatchObject({ status: 'agent_done', thread_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(task).not.toHaveProperty('paused_until');
  });
});
