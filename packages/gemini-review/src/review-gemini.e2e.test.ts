import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type GeminiServer, geminiReply, startGeminiServer } from '@planwright/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, PLAN_OPTIONS, reviewRepo, useGemini } from './review-test-kit.js';

const usage = { promptTokenCount: 1234, candidatesTokenCount: 56, totalTokenCount: 1290 };
const REVIEW = '## Summary\nOption B is the safer one.\n\n## Recommended verification contract\n- pnpm test';

// The real gemini-cli (0.61) against the scripted Gemini API server from test-utils, offline.
describe('gemini-review with the real gemini CLI', { timeout: 60_000 }, () => {
  let server: GeminiServer;
  beforeAll(async () => {
    server = await startGeminiServer();
  });
  afterAll(() => server.close());

  it('writes the review with the model gemini actually used, after sending it the bundle on stdin', async () => {
    const { repo, reviewFile } = await reviewRepo();
    server.setScript([geminiReply.text(REVIEW, { usage })]);
    const { settingsFile } = await useGemini(server);
    const userSettings = await readFile(settingsFile);
    const before = server.requests.length;

    const { code, stdout, stderr } = await cli(['--repo', repo, '--pr', 'pr-1']);

    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^bundle: 3 files, 0\.\d KB, ~\d+ tokens\n/);
    expect(stdout).toMatch(
      new RegExp(`\\nreview: ${reviewFile} \\(gemini, model gemini-3\\.1-pro-preview \\(asked for gemini-3-pro-preview\\), 1,290 tokens, \\d+\\.\\d s\\)\\n$`),
    );
    const review = await readFile(reviewFile, 'utf8');
    expect(review).toMatch(/^# Plan review \(gemini\)\n\n- reviewer: gemini\n- model: gemini-3\.1-pro-preview\n- model_requested: gemini-3-pro-preview\n/);
    expect(review).toMatch(/\n- session_id: [0-9a-f-]{36}\n- tokens: input 1,234, output 56, total 1,290\n- duration_ms: \d+\n- generated_at: \d{4}-\d\d-\d\dT[\d:]+Z\n- pr: pr-1\n/);
    expect(review.endsWith(`---\n\n${REVIEW}\n`)).toBe(true);

    // One request, to the concrete model (no router call), carrying the bundle and the kit's prompt.
    const requests = server.requests.slice(before);
    expect(requests.map((request) => request.url)).toEqual(['/v1beta/models/gemini-3.1-pro-preview:streamGenerateContent?alt=sse']);
    const sent = JSON.stringify(requests[0]!.body);
    for (const part of ['# FILE: .plans/pr-1/preplan/PLAN_OPTIONS.md', '# FILE: .plans/pr-1/CONTEXT.md', '# FILE: .plans/pr-1/research/RESEARCH.md', 'Add a write-through layer', 'Recommended verification contract']) {
      expect(sent).toContain(JSON.stringify(part).slice(1, -1));
    }
    // The repository is in gemini's workspace (read-only tools), and no tool that writes is offered.
    expect(sent).toContain(repo);
    const tools = JSON.stringify((requests[0]!.body as { tools?: unknown }).tools);
    expect(tools).toContain('read_file');
    expect(tools).not.toMatch(/write_file|replace|run_shell_command/);
    expect(await readFile(settingsFile)).toEqual(userSettings);
  });

  it('--json prints the record; --plan-options, --extra and --out are honoured', async () => {
    const { repo } = await reviewRepo({ 'notes/options-v2.md': '# Options v2\nOption C: do nothing.\n', 'docs/api.md': '# API\nGET /items\n' });
    server.setScript([geminiReply.text(REVIEW, { usage })]);
    await useGemini(server);
    const out = join(repo, 'reviews', 'pr-1.md');

    const { code, stdout, stderr } = await cli(['--repo', repo, '--pr', 'pr-1', '--plan-options', join(repo, 'notes/options-v2.md'), '--extra', join(repo, 'docs/api.md'), '--out', out, '--json']);

    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toEqual({
      output: out,
      model_requested: 'gemini-3-pro-preview',
      model_used: 'gemini-3.1-pro-preview',
      session_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      tokens: { input: 1234, output: 56, total: 1290 },
      duration_ms: expect.any(Number),
      reviewer: 'gemini',
      bundle: {
        files: ['notes/options-v2.md', '.plans/pr-1/CONTEXT.md', '.plans/pr-1/research/RESEARCH.md', '.plans/pr-1/preplan/PLAN_OPTIONS.md', 'docs/api.md'],
        bytes: expect.any(Number),
        token_estimate: Math.ceil(result.bundle.bytes / 4),
        redacted: 0,
      },
      missing_plan_options: null,
      dry_run: false,
    });
    expect(await readFile(out, 'utf8')).toContain(`- session_id: ${result.session_id}\n`);
  });

  it('--redact sends the bundle with the secrets replaced, and says so', async () => {
    const secret = 'ghp_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2';
    const { repo, reviewFile } = await reviewRepo({ '.plans/pr-1/CONTEXT.md': `# Context\nThe CI token is ${secret}.\n` });
    server.setScript([geminiReply.text(REVIEW, { usage })]);
    await useGemini(server);
    const before = server.requests.length;

    const { code, stdout, stderr } = await cli(['--repo', repo, '--pr', 'pr-1', '--redact']);

    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^bundle: 3 files, .*, 1 secret redacted\n/);
    const sent = JSON.stringify(server.requests.slice(before).map((request) => request.body));
    expect(sent).toContain('The CI token is [REDACTED].');
    expect(sent).not.toContain(secret);
    expect(sent).toContain(JSON.stringify(PLAN_OPTIONS).slice(1, -1));
    expect(await readFile(reviewFile, 'utf8')).toContain('1 secret redacted');
  });
});
