import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claudeEventParser } from './events.js';

/** A log as the orchestrator sees it (stdout and stderr of the real claude-code 2.1.197, in order). */
function feedLog(name: string) {
  const parser = claudeEventParser();
  const at = new Date('2026-11-24T18:00:00Z');
  for (const line of readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').split('\n')) parser.feed(line, at);
  return parser.state;
}

describe('claudeEventParser on real claude-code 2.1.197 logs', () => {
  it('a completed task: session, model, usage with the cost, the last message, the end of the turn', () => {
    expect(feedLog('completed.log')).toEqual({
      sessionId: '82f34c6a-c21b-473b-8468-0bfc77c7da17',
      model: 'claude-sonnet-4-5',
      usage: { input_tokens: 10, cached_input_tokens: 0, output_tokens: 6, cost_usd: 0.00012000000000000002 },
      lastMessage: 'Finished task_001: results written to /tmp/planwright-git-EhzWqo/.plans/pr-1/runs/20261124-180140-14332/results/task_001.json.',
      turnEnded: true,
      lastEventAt: new Date('2026-11-24T18:00:00Z'),
      events: 7,
    });
  });

  it('a resumed session reports its own usage', () => {
    expect(feedLog('resumed.log')).toMatchObject({ sessionId: 'f1cb2578-a5a4-4bb9-9f4f-c5ae8f754c4a', usage: { input_tokens: 5, output_tokens: 3 }, lastMessage: 'Resumed fine.' });
  });

  it('a 401 after two retries: subtype success but is_error, the status added to the message', () => {
    const state = feedLog('unauthorized.log');
    expect(state).toMatchObject({ failure: 'API error 401: Invalid API key · Fix external API key', apiStatus: 401, turnEnded: true });
    // The synthetic error message is a notice, not the agent's last words.
    expect(state.lastMessage).toBeUndefined();
    expect(state.lastError).toBe('Invalid API key · Fix external API key');
  });

  it('a 429: the message already names the status', () => {
    expect(feedLog('rate-limited.log')).toMatchObject({ failure: 'API Error: Request rejected (429) · Number of requests has exceeded your rate limit', apiStatus: 429 });
  });

  it('a bad resume id: error_during_execution with its errors, no init event', () => {
    expect(feedLog('bad-resume.log')).toMatchObject({ failure: 'No conversation found with session ID: 00000000-0000-0000-0000-000000000000', turnEnded: true });
  });
});

describe('claudeEventParser', () => {
  it('keeps each API retry as the last error, and counts cache reads and writes as input', () => {
    const parser = claudeEventParser();
    parser.feed('{"type":"system","subtype":"api_retry","attempt":1,"max_retries":2,"retry_delay_ms":546.7,"error_status":529,"error":"overloaded"}');
    expect(parser.state.lastError).toBe('API retry 1/2 (HTTP 529): overloaded');
    parser.feed(JSON.stringify({ type: 'result', subtype: 'success', is_error: false, result: 'ok', session_id: 's', total_cost_usd: 0.5, usage: { input_tokens: 3, cache_read_input_tokens: 100, cache_creation_input_tokens: 20, output_tokens: 7 } }));
    expect(parser.state.usage).toEqual({ input_tokens: 123, cached_input_tokens: 100, output_tokens: 7, cache_creation_input_tokens: 20, cost_usd: 0.5 });
  });

  it('names the turn limit', () => {
    const parser = claudeEventParser();
    parser.feed(JSON.stringify({ type: 'result', subtype: 'error_max_turns', is_error: true, num_turns: 3, session_id: 's' }));
    expect(parser.state.failure).toBe('reached the turn limit (3 turns, --max-turns)');
  });
});
