import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geminiEventParser } from './events.js';

/** A log as the orchestrator sees it (stdout and stderr of the real gemini 0.61, in order). */
function feedLog(name: string) {
  const parser = geminiEventParser();
  const at = new Date('2026-11-24T18:00:00Z');
  for (const line of readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').split('\n')) parser.feed(line, at);
  return parser.state;
}

describe('geminiEventParser on real gemini 0.61 logs', () => {
  it('a completed task: session, model, this run\'s usage, the last message, the end of the turn', () => {
    expect(feedLog('completed.log')).toEqual({
      sessionId: 'e80625ac-0f34-4934-843f-4800d410c7ed',
      model: 'gemini-2.5-pro',
      usage: { input_tokens: 10, cached_input_tokens: 0, output_tokens: 6 },
      lastMessage: 'Finished task_001: results written to /tmp/planwright-git-7BSGx6/.plans/pr-1/runs/20261124-175938-10558/results/task_001.json.',
      turnEnded: true,
      lastEventAt: new Date('2026-11-24T18:00:00Z'),
      events: 8,
    });
  });

  it('a resumed session reports its own usage, not the session\'s total', () => {
    expect(feedLog('resumed.log')).toMatchObject({ sessionId: 'c5001235-1576-470b-ab45-7c601c59d1ca', usage: { input_tokens: 5, output_tokens: 3 }, lastMessage: 'Resumed fine.' });
  });

  it('a 401: the API message and status from the result event', () => {
    expect(feedLog('unauthorized.log')).toMatchObject({
      failure: 'API error 401 UNAUTHENTICATED: API key not valid. Please pass a valid API key.',
      apiStatus: 401,
      turnEnded: true,
    });
  });

  it('a 429 after its retries: the message from the result, the status and the retry notice from stderr', () => {
    const state = feedLog('rate-limited.log');
    expect(state.failure).toBe(
      'API error 429: Resource has been exhausted (e.g. check quota). Please wait and try again later. To increase your limits, request a quota increase through AI Studio, or switch to another /auth method',
    );
    expect(state).toMatchObject({ apiStatus: 429, lastError: 'Attempt 2 failed: Resource has been exhausted (e.g. check quota).. Max attempts reached', turnEnded: true });
  });

  it('a fatal start-up error is only text: no event, no failure (the exit code tells)', () => {
    expect(feedLog('no-auth-method.log')).toEqual({ turnEnded: false, events: 0 });
    expect(feedLog('bad-resume.log')).toEqual({ turnEnded: false, events: 0 });
  });
});

describe('geminiEventParser', () => {
  const line = (event: object) => JSON.stringify({ timestamp: '2026-11-24T17:50:10.159Z', ...event });

  it('joins the deltas of one answer, and starts over after a tool call', () => {
    const parser = geminiEventParser();
    parser.feed(line({ type: 'message', role: 'assistant', content: 'Let me ', delta: true }));
    parser.feed(line({ type: 'message', role: 'assistant', content: 'look.', delta: true }));
    expect(parser.state.lastMessage).toBe('Let me look.');
    parser.feed(line({ type: 'tool_use', tool_name: 'read_file', tool_id: 't1', parameters: {} }));
    parser.feed(line({ type: 'message', role: 'assistant', content: 'Done', delta: true }));
    parser.feed(line({ type: 'message', role: 'assistant', content: ' now.', delta: true }));
    parser.feed(line({ type: 'message', role: 'user', content: 'ignored' }));
    expect(parser.state.lastMessage).toBe('Done now.');
  });

  it('an empty-stream error event explains a result with status error and no error of its own', () => {
    const parser = geminiEventParser();
    parser.feed(line({ type: 'error', severity: 'error', message: 'Model stream ended with an invalid chunk or missing finish reason.' }));
    parser.feed(line({ type: 'result', status: 'error', stats: { input_tokens: 0, output_tokens: 0, cached: 0, models: {} } }));
    expect(parser.state).toMatchObject({ failure: 'Model stream ended with an invalid chunk or missing finish reason.', turnEnded: true });
  });

  it('records the model that answered when gemini routed the request (-m auto)', () => {
    const parser = geminiEventParser();
    parser.feed(line({ type: 'init', session_id: 's', model: 'auto' }));
    parser.feed(line({ type: 'result', status: 'success', stats: { input_tokens: 9, output_tokens: 2, cached: 4, models: { 'gemini-3.8-flash': { total_tokens: 1 }, 'gemini-3.1-pro-preview': { total_tokens: 10 } } } }));
    expect(parser.state).toMatchObject({ model: 'gemini-3.1-pro-preview', usage: { input_tokens: 9, cached_input_tokens: 4, output_tokens: 2 } });
  });
});
