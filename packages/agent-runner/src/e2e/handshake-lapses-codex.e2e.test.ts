import { agentCliPath, followBriefAgent, HANDSHAKE_LAPSES, prepareCodexHome, startCodexServer, type CodexServer, type RecordedRequest } from '@planwright/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture } from '../../test/fixture.js';
import { LAPSE_CASES, LAPSE_FILES, LAPSE_VERIFY, readRunResults } from '../../test/handshake-lapse-cases.js';

interface InputItem {
  type?: string;
  role?: string;
  content?: Array<{ text?: string }>;
}

/** The orchestrator's messages among codex's requests: a request whose last item is a user message starts a run. */
function prompts(requests: RecordedRequest[]): string[] {
  return requests.flatMap((request) => {
    const last: InputItem | undefined = Array.isArray(request.body?.input) ? request.body.input.at(-1) : undefined;
    return last?.type === 'message' && last.role === 'user' ? [(last.content ?? []).map((part) => part.text ?? '').join('\n')] : [];
  });
}

// The real codex-cli 0.169 against a scripted model that forgets the handshake as real models do, offline.
describe('the real Codex CLI forgets the handshake; the orchestrator recovers the outcome', { timeout: 180_000 }, () => {
  let server: CodexServer;
  beforeAll(async () => {
    server = await startCodexServer();
  });
  afterAll(() => server.close());

  it('has a case for every lapse the scripted models can play', () => {
    expect(LAPSE_CASES.map((lapse) => lapse.lapse)).toEqual(HANDSHAKE_LAPSES);
  });

  it.each(LAPSE_CASES.map((lapse) => [`${lapse.lapse}: ${lapse.title}`, lapse] as const))('%s', async (_, { lapse, autoVerify, runs, check }) => {
    server.setScript(followBriefAgent({ files: LAPSE_FILES, lapse }));
    const fixture = await orchestratorFixture([{ ...fakeTask('task_001'), verify: LAPSE_VERIFY }]);
    Object.assign(fixture.env, (await prepareCodexHome({ server })).env, { CODEX_BIN: agentCliPath('codex') });
    const before = server.requests.length;
    const { result, events } = await fixture.run({ autoVerify, timeoutMinutes: 2 });

    const seen = prompts(server.requests.slice(before));
    expect(seen, JSON.stringify(result.outcomes)).toHaveLength(runs);
    expect(server.errors).toEqual([]);
    // Every model call of both runs is in the task's accounting (100 input tokens per scripted reply).
    const task = await fixture.task('task_001');
    expect(task.usage?.input_tokens).toBe(100 * (server.requests.length - before));
    await check({ fixture, result, events, task, results: await readRunResults(result), prompts: seen });
  });
});
