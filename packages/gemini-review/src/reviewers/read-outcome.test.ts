import type { SupervisedRun } from '@planwright/agent-runner';
import { describe, expect, it } from 'vitest';
import { ReviewerError } from '../errors.js';
import { claudeReviewer } from './claude.js';
import { codexReviewer } from './codex.js';
import { geminiReviewer } from './gemini.js';
import type { Reviewer, ReviewerContext } from './reviewer.js';

const context: ReviewerContext = { repo: '/repo', bundle: 'b', model: undefined, maxAttempts: 2, env: { CODEX_HOME: '/nonexistent' } };

function run(exitCode: number | null, stdout: string, stderr = ''): SupervisedRun {
  return { ending: 'exit', exitCode, signal: null, stdout, stderr, stdoutDropped: 0, stderrDropped: 0, durationMs: 10, pid: 1 };
}

async function failure(reviewer: Reviewer, finished: SupervisedRun): Promise<{ reason: string; message: string; exitCode: number }> {
  const error = await reviewer.read(finished, context).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ReviewerError);
  const { reason, message, exitCode } = error as ReviewerError;
  return { reason, message, exitCode };
}

const geminiError = (code: number | string, message: string) => `Error when talking to Gemini API\n    at x (y.js:1:2)\n{\n  "session_id": "s",\n  "error": {\n    "type": "Error",\n    "message": ${JSON.stringify(message)},\n    "code": ${JSON.stringify(code)}\n  }\n}`;

// The CLIs' failure outputs, as found with the real CLIs (see the e2e tests), mapped to one line each.
describe('reading what a reviewer CLI printed', () => {
  it('gemini: exit codes and JSON errors to reasons', async () => {
    expect(await failure(geminiReviewer, run(173, '', geminiError(429, 'quota gone')))).toEqual({ reason: 'rate_limit', message: 'gemini: rate limit or quota exceeded (exit 173, HTTP 429): quota gone', exitCode: 1 });
    expect(await failure(geminiReviewer, run(244, '', geminiError(500, 'boom')))).toMatchObject({ reason: 'server_error', message: 'gemini: the model API had a server error (exit 244, HTTP 500): boom' });
    expect(await failure(geminiReviewer, run(55, '', 'Gemini CLI is not running in a trusted directory.\n'))).toMatchObject({ reason: 'untrusted_folder', message: 'gemini: the folder is not trusted (exit 55): Gemini CLI is not running in a trusted directory.' });
    // Without a JSON error (text mode, a crash), the exit code and the message still tell.
    expect(await failure(geminiReviewer, run(173, '', 'Attempt 2 failed. Max attempts reached\n'))).toMatchObject({ reason: 'rate_limit', message: 'gemini: rate limit or quota exceeded (exit 173, HTTP 429): Attempt 2 failed. Max attempts reached' });
    expect(await failure(geminiReviewer, run(1, '', '\u001b[31mError: 429 Too Many Requests\u001b[0m\n'))).toMatchObject({ reason: 'rate_limit', message: 'gemini: rate limit or quota exceeded (exit 1): Error: 429 Too Many Requests' });
    expect(await failure(geminiReviewer, run(52, '', 'Error in settings.json: bad\n'))).toMatchObject({ reason: 'failed', message: 'gemini: the review failed (exit 52): configuration error: Error in settings.json: bad' });
    expect(await failure(geminiReviewer, run(0, 'not json'))).toMatchObject({ reason: 'no_review' });
    expect(await failure(geminiReviewer, run(0, '{"session_id":"s","response":"  "}'))).toMatchObject({ reason: 'no_review', message: 'gemini: no review in the output (exit 0): the JSON result has an empty "response"' });
  });

  it('gemini: the model of the main turn, not the router, and summed tokens', async () => {
    const stats = {
      models: {
        'gemini-2.5-flash-lite': { tokens: { prompt: 10, candidates: 1, total: 11 }, roles: { utility_router: {} } },
        'gemini-3.1-pro-preview': { tokens: { prompt: 100, candidates: 20, thoughts: 5, total: 125 }, roles: { main: {} } },
      },
    };
    const outcome = await geminiReviewer.read(run(0, JSON.stringify({ session_id: 's1', response: ' ## Summary\n', stats })), context);
    expect(outcome).toEqual({ review: '## Summary', modelUsed: 'gemini-3.1-pro-preview', sessionId: 's1', tokens: { input: 110, output: 26, total: 136 } });
  });

  it('codex: turn.failed and error events to reasons; the last agent message is the review', async () => {
    const failed = ['{"type":"thread.started","thread_id":"t1"}', '{"type":"error","message":"Reconnecting... 1/5"}', '{"type":"turn.failed","error":{"message":"unexpected status 401 Unauthorized: bad key"}}'].join('\n');
    expect(await failure(codexReviewer, run(1, failed))).toMatchObject({ reason: 'auth', message: 'codex: authentication failed (exit 1): unexpected status 401 Unauthorized: bad key' });
    const limited = '{"type":"turn.failed","error":{"message":"exceeded retry limit, last status: 429 Too Many Requests"}}';
    expect(await failure(codexReviewer, run(1, limited))).toMatchObject({ reason: 'rate_limit' });
    const done = ['{"type":"thread.started","thread_id":"t1"}', '{"type":"item.completed","item":{"type":"agent_message","text":"Reading the plan."}}', '{"type":"item.completed","item":{"type":"agent_message","text":"## Summary\\nok"}}', '{"type":"turn.completed","usage":{"input_tokens":7,"output_tokens":3}}'].join('\n');
    expect(await codexReviewer.read(run(0, done), { ...context, model: 'gpt-5.5' })).toEqual({ review: '## Summary\nok', modelUsed: 'gpt-5.5', sessionId: 't1', tokens: { input: 7, output: 3, total: 10 } });
  });

  it('claude: an is_error result with its API status', async () => {
    const result = { type: 'result', subtype: 'success', is_error: true, api_error_status: 401, result: 'Failed to authenticate. API Error: 401 invalid x-api-key', session_id: 's' };
    expect(await failure(claudeReviewer, run(1, JSON.stringify(result)))).toMatchObject({ reason: 'auth', message: 'claude: authentication failed (exit 1, HTTP 401): Failed to authenticate. API Error: 401 invalid x-api-key' });
    expect(await failure(claudeReviewer, run(1, '', 'Error: something odd\n'))).toMatchObject({ reason: 'failed', message: 'claude: the review failed (exit 1): Error: something odd' });
  });
});
