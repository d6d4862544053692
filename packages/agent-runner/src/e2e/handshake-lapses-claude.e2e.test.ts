import { agentCliPath, followBriefClaude, prepareClaudeHome, startClaudeServer, type ClaudeServer, type RecordedRequest } from '@planwright/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture } from '../../test/fixture.js';
import { LAPSE_CASES, LAPSE_FILES, LAPSE_VERIFY, readRunResults } from '../../test/handshake-lapse-cases.js';
import { claudeAdapter } from '../adapters/claude/claude-adapter.js';

const MODEL = 'claude-sonnet-4-5';

interface ClaudeMessage {
  role?: string;
  content?: string | Array<{ type?: string; text?: string }>;
}

/**
 * The orchestrator's messages among Claude Code's requests: an agent request (it offers tools) whose last
 * message is the user's words, not tool results, starts a run. Claude Code's system reminders are not them.
 */
function prompts(requests: RecordedRequest[]): string[] {
  return requests.flatMap((request) => {
    if (!request.url.startsWith('/v1/messages') || !(Array.isArray(request.body?.tools) && request.body.tools.length > 0)) return [];
    const last: ClaudeMessage | undefined = Array.isArray(request.body?.messages) ? request.body.messages.at(-1) : undefined;
    const blocks = typeof last?.content === 'string' ? [{ type: 'text', text: last.content }] : (last?.content ?? []);
    if (last?.role !== 'user' || blocks.some((block) => block.type === 'tool_result')) return [];
    const words = blocks.filter((block) => block.type === 'text' && !block.text?.startsWith('<system-reminder>')).map((block) => block.text ?? '');
    return words.length > 0 ? [words.join('\n')] : [];
  });
}

// The real claude-code 2.1 against a scripted model that forgets the handshake as real models do, offline.
describe('the real Claude Code CLI forgets the handshake; the orchestrator recovers the outcome', { timeout: 180_000 }, () => {
  let server: ClaudeServer;
  beforeAll(async () => {
    server = await startClaudeServer();
  });
  afterAll(() => server.close());

  it.each(LAPSE_CASES.map((lapse) => [`${lapse.lapse}: ${lapse.title}`, lapse] as const))('%s', async (_, { lapse, autoVerify, runs, check }) => {
    server.setScript(followBriefClaude({ files: LAPSE_FILES, lapse }));
    const fixture = await orchestratorFixture([{ ...fakeTask('task_001'), verify: LAPSE_VERIFY }]);
    // IS_SANDBOX (as root) and the retry bound come from the adapter alone.
    Object.assign(fixture.env, (await prepareClaudeHome({ server })).env, { CLAUDE_BIN: agentCliPath('claude'), IS_SANDBOX: undefined, CLAUDE_CODE_MAX_RETRIES: undefined });
    const before = server.requests.length;
    const { result, events } = await fixture.run({ autoVerify, timeoutMinutes: 2, model: MODEL, resultsGraceSeconds: 5 }, claudeAdapter());

    const seen = prompts(server.requests.slice(before));
    expect(seen, JSON.stringify(result.outcomes)).toHaveLength(runs);
    expect(server.errors).toEqual([]);
    // Every agent call of both runs is in the task's accounting (5 input tokens per scripted reply).
    const task = await fixture.task('task_001');
    const calls = server.requests.slice(before).filter((request) => Array.isArray(request.body?.tools) && request.body.tools.length > 0).length;
    expect(task.usage?.input_tokens).toBe(5 * calls);
    await check({ fixture, result, events, task, results: await readRunResults(result), prompts: seen });
  });
});
