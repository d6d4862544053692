import { readFile } from 'node:fs/promises';
import {
  agentCliPath,
  claudeReply,
  codexReply,
  prepareClaudeHome,
  prepareCodexHome,
  startClaudeServer,
  startCodexServer,
} from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { cli, listFiles, reviewRepo, stubEnv } from './review-test-kit.js';

const REVIEW = '## Summary\nOption A is simpler; B is safer.';

// The real codex (0.169) and claude (2.1.197) CLIs against their scripted servers, offline.
describe('gemini-review --reviewer codex|claude', { timeout: 60_000 }, () => {
  it('codex reviews read-only and the file records the reviewer, its thread and the model from its session', async () => {
    const { repo, reviewFile } = await reviewRepo();
    const server = await startCodexServer({ script: [codexReply.message(REVIEW)] });
    try {
      const { env } = await prepareCodexHome({ server });
      stubEnv({ ...env, CODEX_BIN: agentCliPath('codex') });

      const { code, stdout, stderr } = await cli(['--repo', repo, '--pr', 'pr-1', '--reviewer', 'codex', '--json']);

      expect(code, stderr).toBe(0);
      const result = JSON.parse(stdout);
      expect(result).toMatchObject({
        reviewer: 'codex',
        model_requested: null,
        model_used: 'gpt-5.5',
        session_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        tokens: { input: 100, output: 10, total: 110 },
        output: reviewFile,
      });
      const review = await readFile(reviewFile, 'utf8');
      expect(review).toMatch(/^# Plan review \(codex\)\n\n- reviewer: codex\n- model: gpt-5\.5\n- model_requested: codex default\n/);
      expect(review).toContain(`- session_id: ${result.session_id}\n`);
      expect(review.endsWith(`---\n\n${REVIEW}\n`)).toBe(true);
      // The bundle and then the prompt reached the model in the user's turn.
      const sent = JSON.stringify(server.requests[0]!.body);
      expect(sent.indexOf('# FILE: .plans/pr-1/preplan/PLAN_OPTIONS.md')).toBeGreaterThan(-1);
      expect(sent.indexOf('Recommended verification contract')).toBeGreaterThan(sent.indexOf('# FILE: .plans/pr-1/CONTEXT.md'));
      expect(sent).toMatch(/read-only/);
    } finally {
      await server.close();
    }
  });

  it('gates a codex model only when one is given: a mini model is refused before anything runs', async () => {
    const { repo } = await reviewRepo();
    const files = await listFiles(repo);
    stubEnv({ CODEX_BIN: '/nonexistent/codex' });

    const { code, stderr } = await cli(['--repo', repo, '--pr', 'pr-1', '--reviewer', 'codex', '--model', 'gpt-5-mini']);

    expect(code).toBe(2);
    expect(stderr).toBe(
      'gemini-review: --model gpt-5-mini: refused for a codex review: it is a mini/nano model (too light for a plan review) (try --model gpt-5.5)\n',
    );
    expect(await listFiles(repo)).toEqual(files);
  });

  it('claude reviews in plan mode and the file records the model it reported', async () => {
    const { repo, reviewFile } = await reviewRepo();
    const server = await startClaudeServer({ script: [claudeReply.text(REVIEW)] });
    try {
      const { env } = await prepareClaudeHome({ server });
      stubEnv({ ...env, CLAUDE_BIN: agentCliPath('claude') });

      const { code, stdout, stderr } = await cli(['--repo', repo, '--pr', 'pr-1', '--reviewer', 'claude', '--model', 'opus']);

      expect(code, stderr).toBe(0);
      expect(stdout).toMatch(/\nreview: .*GEMINI_PLAN_REVIEW\.md \(claude, model claude-opus-4-8 \(asked for opus\), \d+ tokens, /);
      const review = await readFile(reviewFile, 'utf8');
      expect(review).toMatch(/^# Plan review \(claude\)\n\n- reviewer: claude\n- model: claude-opus-4-8\n- model_requested: opus\n- session_id: [0-9a-f-]{36}\n/);
      expect(JSON.stringify(server.requests.map((request) => request.body))).toContain('# FILE: .plans/pr-1/research/RESEARCH.md');
    } finally {
      await server.close();
    }
  });

  it('claude fails fast on a 429 with "rate limit" in the message: its retries are bounded too', async () => {
    const { repo, reviewFile } = await reviewRepo();
    const server = await startClaudeServer({ script: () => claudeReply.error(429, 'Number of requests has exceeded your rate limit') });
    try {
      // No CLAUDE_CODE_MAX_RETRIES from the test: claude alone would retry 10 times, for minutes.
      const { env } = await prepareClaudeHome({ server });
      stubEnv({ ...env, CLAUDE_BIN: agentCliPath('claude') });

      const { code, stderr } = await cli(['--repo', repo, '--pr', 'pr-1', '--reviewer', 'claude']);

      expect(code).toBe(1);
      expect(stderr).toMatch(/^gemini-review: claude: rate limit or quota exceeded \(exit 1, HTTP 429\): .*rate limit.*\(wait and retry later, or retry longer with --max-attempts\)\n$/);
      expect(server.requests.filter((request) => request.url.startsWith('/v1/messages')).length).toBeLessThanOrEqual(2);
      await expect(readFile(reviewFile)).rejects.toThrow(/ENOENT/);
    } finally {
      await server.close();
    }
  });
});
