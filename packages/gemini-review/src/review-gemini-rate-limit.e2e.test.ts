import { readFile } from 'node:fs/promises';
import { type GeminiServer, geminiReply, startGeminiServer } from '@planwright/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, listFiles, reviewRepo, useGemini } from './review-test-kit.js';

const turns = (server: GeminiServer, from: number) => server.requests.slice(from).filter((request) => request.url.includes(':streamGenerateContent'));

// gemini alone retries a 429 ten times over about 3.5 minutes; planwright bounds it (see gemini-workspace.ts).
describe('gemini-review when gemini is rate limited', { timeout: 60_000 }, () => {
  let server: GeminiServer;
  beforeAll(async () => {
    server = await startGeminiServer();
  });
  afterAll(() => server.close());

  it('fails fast on a 429 with "rate limit" in the message, after at most --max-attempts requests, settings untouched', async () => {
    const { repo } = await reviewRepo();
    server.setScript(() => geminiReply.error(429, 'Resource has been exhausted (e.g. check quota).'));
    // The user's settings leave gemini's retries at its default (10 attempts over about 3.5 minutes).
    const { settingsFile } = await useGemini(server);
    const userSettings = await readFile(settingsFile);
    const files = await listFiles(repo);
    const before = server.requests.length;

    const { code, stdout, stderr } = await cli(['--repo', repo, '--pr', 'pr-1']);

    expect(code).toBe(1);
    expect(stderr).toBe(
      'gemini-review: gemini: rate limit or quota exceeded (exit 173, HTTP 429): Resource has been exhausted (e.g. check quota). (wait and retry later, or retry longer with --max-attempts)\n',
    );
    expect(stdout).toMatch(/^bundle: 3 files/);
    expect(turns(server, before).length).toBeGreaterThanOrEqual(1);
    expect(turns(server, before).length).toBeLessThanOrEqual(2);
    expect(await readFile(settingsFile)).toEqual(userSettings);
    expect(await listFiles(repo)).toEqual(files);
  });

  it('--max-attempts 1 sends one request only', async () => {
    const { repo } = await reviewRepo();
    server.setScript(() => geminiReply.error(429, 'quota gone'));
    await useGemini(server);
    const before = server.requests.length;

    const { code, stderr } = await cli(['--repo', repo, '--pr', 'pr-1', '--max-attempts', '1']);

    expect(code).toBe(1);
    expect(stderr).toMatch(/rate limit/);
    expect(turns(server, before)).toHaveLength(1);
  });
});
