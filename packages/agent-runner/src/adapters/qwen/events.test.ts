import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { qwenEventParser } from './events.js';
import { describeQwenExit } from './exit-codes.js';

/** A log as the orchestrator sees it (stdout, then stderr, of the real qwen-code 0.24.4 against a scripted server). */
function feedLog(name: string) {
  const parser = qwenEventParser();
  const at = new Date('2026-12-06T20:00:00Z');
  for (const line of readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').split('\n')) parser.feed(line, at);
  return parser.state;
}

describe('qwenEventParser on real qwen-code 0.24.4 logs', () => {
  it('a completed task: session, model, usage, the last message, the end of the turn', () => {
    expect(feedLog('completed.log')).toEqual({
      sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      model: 'qwen3-coder-plus',
      usage: { input_tokens: 10, cached_input_tokens: 0, output_tokens: 6 },
      lastMessage: 'done',
      turnEnded: true,
      lastEventAt: new Date('2026-12-06T20:00:00Z'),
      events: 7,
    });
  });

  it('a resumed session reports the whole session: the earlier run included', () => {
    expect(feedLog('resumed.log')).toMatchObject({ usage: { input_tokens: 15, output_tokens: 9 }, lastMessage: 'resumed', turnEnded: true });
  });

  it('a 401: the error text is a notice, not the agent last words; the status read from it', () => {
    const state = feedLog('unauthorized.log');
    expect(state).toMatchObject({ failure: '[API Error: 401 scripted error 401]', lastError: '[API Error: 401 scripted error 401]', apiStatus: 401, turnEnded: true });
    expect(state.lastMessage).toBeUndefined();
    expect(describeQwenExit({ code: 1, signal: null }, state)).toMatch(/^authentication failed \(HTTP 401\): set OPENAI_API_KEY.*: \[API Error: 401 scripted error 401\]$/);
  });

  it('a quota that resets: qwen fails fast, and the reason says usage limit', () => {
    const state = feedLog('quota-exhausted.log');
    expect(state).toMatchObject({ apiStatus: 429, failure: 'usage limit reached: Quota exhausted: You exceeded your current quota, it will reset at 2026-12-07T00:00:00Z.' });
    expect(describeQwenExit({ code: 1, signal: null }, state)).toBe('rate limit or quota exceeded (HTTP 429): usage limit reached: Quota exhausted: You exceeded your current quota, it will reset at 2026-12-07T00:00:00Z.');
  });

  it('a bad resume id: no events, the stderr line is the failure', () => {
    const state = feedLog('bad-resume.log');
    expect(state).toMatchObject({ failure: 'No saved session found with title "00000000-0000-0000-0000-000000000000".', events: 0 });
    expect(describeQwenExit({ code: 1, signal: null }, state)).toBe('exit 1: No saved session found with title "00000000-0000-0000-0000-000000000000".');
  });
});

describe('qwenEventParser and describeQwenExit', () => {
  it('keeps a retry notice as the last error, and counts cache reads', () => {
    const parser = qwenEventParser();
    parser.feed('{"type":"system","subtype":"retry","data":{"reason":"retry","attempt":1,"maxRetries":1,"delayMs":1000}}');
    expect(parser.state.lastError).toBe('API retry 1/1');
    parser.feed(JSON.stringify({ type: 'result', subtype: 'success', is_error: false, result: 'ok', session_id: 's', usage: { input_tokens: 120, cache_read_input_tokens: 100, output_tokens: 7 } }));
    expect(parser.state.usage).toEqual({ input_tokens: 120, cached_input_tokens: 100, output_tokens: 7 });
  });

  it('names its own exit codes, and says nothing more than the code for an exit 0 or a signal', () => {
    expect(describeQwenExit({ code: 55, signal: null }, { turnEnded: false, events: 0 })).toBe('reached its budget (--max-wall-time or --max-tool-calls)');
    expect(describeQwenExit({ code: 53, signal: null }, { turnEnded: true, events: 3, failure: 'turn limit' })).toBe('reached the session turn limit (--max-session-turns): turn limit');
    expect(describeQwenExit({ code: 0, signal: null }, { turnEnded: true, events: 3 })).toBeUndefined();
    expect(describeQwenExit({ code: 1, signal: null }, { turnEnded: false, events: 0 })).toBeUndefined();
  });
});
