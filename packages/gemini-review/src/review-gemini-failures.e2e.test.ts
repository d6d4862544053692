import { readFile, writeFile } from 'node:fs/promises';
import { type GeminiServer, geminiReply, startGeminiServer } from '@planwright/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, reviewRepo, useGemini } from './review-test-kit.js';

// Each failure ends with one line naming what happened, exit 1 (124 for a timeout), and no review file.
describe('gemini-review when gemini fails', { timeout: 60_000 }, () => {
  let server: GeminiServer;
  beforeAll(async () => {
    server = await startGeminiServer();
  });
  afterAll(() => server.close());

  it('names a rejected key as an authentication failure (HTTP 401)', async () => {
    const { repo, reviewFile } = await reviewRepo();
    server.setScript([geminiReply.error(401, 'API key not valid. Please pass a valid API key.')]);
    await useGemini(server);

    const { code, stderr } = await cli(['--repo', repo, '--pr', 'pr-1']);

    expect(code).toBe(1);
    expect(stderr).toBe(
      'gemini-review: gemini: authentication failed (exit 145, HTTP 401): API key not valid. Please pass a valid API key. (run gemini once in a terminal to log in, or export GEMINI_API_KEY)\n',
    );
    await expect(readFile(reviewFile)).rejects.toThrow(/ENOENT/);
  });

  it('names gemini exit 41 (no usable login) as an authentication failure', async () => {
    const { repo, reviewFile } = await reviewRepo();
    server.setScript([geminiReply.text('unreachable')]);
    const { settingsFile } = await useGemini(server);
    // No auth type: with a base URL gemini picks gateway auth, which has no credentials here.
    await writeFile(settingsFile, '{}\n');
    const before = server.requests.length;

    const { code, stderr } = await cli(['--repo', repo, '--pr', 'pr-1']);

    expect(code).toBe(1);
    expect(stderr).toMatch(/^gemini-review: gemini: authentication failed \(exit 41\): .+ \(run gemini once in a terminal to log in, or export GEMINI_API_KEY\)\n$/);
    expect(server.requests.length).toBe(before);
    await expect(readFile(reviewFile)).rejects.toThrow(/ENOENT/);
  });

  it('ends the whole gemini process group at --timeout-minutes and exits 124', async () => {
    const { repo, reviewFile } = await reviewRepo();
    // The model never answers.
    server.setScript(() => new Promise(() => undefined));
    await useGemini(server);

    const { code, stderr } = await cli(['--repo', repo, '--pr', 'pr-1', '--timeout-minutes', '0.05']);

    expect(code).toBe(124);
    expect(stderr).toBe(
      'gemini-review: gemini: no review within --timeout-minutes 0.05; its process group was ended (raise --timeout-minutes, or send a smaller bundle)\n',
    );
    await expect(readFile(reviewFile)).rejects.toThrow(/ENOENT/);
  });
});
