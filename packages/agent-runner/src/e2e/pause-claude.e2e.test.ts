import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { agentCliPath, claudeReply, followBriefClaude, prepareClaudeHome, startClaudeServer, type ClaudeServer } from '@planwright/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture } from '../../test/fixture.js';

// The real Claude Code against a scripted Messages API whose first turn is a 429 naming a 2 s reset.
describe('usage limits waited out, with the real Claude Code CLI', { timeout: 120_000 }, () => {
  let server: ClaudeServer;
  beforeAll(async () => {
    server = await startClaudeServer();
  });
  afterAll(() => server.close());

  it('pauses on a 429, waits out the reset it named, resumes the same session and finishes', async () => {
    const agent = followBriefClaude();
    let limited = false;
    server.setScript((request, index) => {
      const tools = request.body?.tools;
      if (limited || !Array.isArray(tools) || tools.length === 0) return agent(request, index);
      limited = true;
      return claudeReply.error(429, 'Number of requests has exceeded your rate limit. Please try again in 2s.');
    });
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    const { env } = await prepareClaudeHome({ server });
    Object.assign(fixture.env, env, { CLAUDE_BIN: agentCliPath('claude'), IS_SANDBOX: undefined, CLAUDE_CODE_MAX_RETRIES: undefined });
    // Claude Code would retry the 429 itself (and succeed); with no retries the limit reaches planwright.
    await writeFile(join(fixture.env.CODEX_HOME!, 'orchestrator.toml'), '[agents.claude]\nmax_retries = 0\n');
    const { result, events } = await fixture.run({ agent: 'claude', model: 'claude-sonnet-4-5', resultsGraceSeconds: 5, maxPauseMinutes: 1 });
    expect(result.exitCode, JSON.stringify(result.outcomes)).toBe(0);
    const paused = events.find((event) => event.type === 'task-paused');
    expect(paused, JSON.stringify(events)).toMatchObject({ taskId: 'task_001', agent: 'claude', reason: expect.stringMatching(/usage limit: .*429/) });
    expect(events.flatMap((event) => (event.type === 'task-started' ? [event.resumed] : []))).toEqual([false, true]);
    const task = await fixture.task('task_001');
    expect(task).toMatchObject({ status: 'agent_done' });
    expect(task).not.toHaveProperty('paused_until');
  });
});
