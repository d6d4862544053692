import { describe, expect, it } from 'vitest';
import { emptyEventState } from '../agent-events.js';
import { describeGeminiExit } from './exit-codes.js';

const exit = (code: number | null, signal: string | null = null) => ({ code, signal });

describe('describeGeminiExit', () => {
  it.each([
    [41, 'authentication failed (exit 41): run `gemini` once to log in, or set GEMINI_API_KEY'],
    [42, 'bad input (exit 42): the prompt or the session to resume was not accepted'],
    [44, 'sandbox error (exit 44): gemini could not start its sandbox'],
    [52, "configuration error (exit 52): check ~/.gemini/settings.json and the project's .gemini/settings.json"],
    [53, 'turn limit reached (exit 53): raise model.maxSessionTurns in the gemini settings'],
    [54, 'a tool failed fatally (exit 54)'],
    [55, 'untrusted folder (exit 55): this gemini has no --skip-trust; trust the folder or set GEMINI_CLI_TRUST_WORKSPACE=true'],
    [130, 'cancelled (exit 130)'],
    [173, 'rate limit or quota exceeded (HTTP 429, exit 173)'],
    [145, 'the API key or login was rejected (HTTP 401, exit 145)'],
    [147, 'permission denied by the API (HTTP 403, exit 147)'],
    [244, 'the API failed (server error) (HTTP 500, exit 244)'],
    [247, 'the API is unavailable (HTTP 503, exit 247)'],
  ])('exit %i', (code, reason) => {
    expect(describeGeminiExit(exit(code), emptyEventState())).toBe(reason);
  });

  it('adds what the events said', () => {
    const state = { ...emptyEventState(), failure: 'API error 429: Resource has been exhausted (e.g. check quota).' };
    expect(describeGeminiExit(exit(173), state)).toBe('rate limit or quota exceeded (HTTP 429, exit 173): API error 429: Resource has been exhausted (e.g. check quota).');
    expect(describeGeminiExit(exit(1), state)).toBe('exit 1: API error 429: Resource has been exhausted (e.g. check quota).');
  });

  it('has nothing to add for a success, a signal, or a bare general failure', () => {
    expect(describeGeminiExit(exit(0), emptyEventState())).toBeUndefined();
    expect(describeGeminiExit(exit(null, 'SIGTERM'), emptyEventState())).toBeUndefined();
    expect(describeGeminiExit(exit(1), emptyEventState())).toBeUndefined();
  });
});
