import { readFile } from 'node:fs/promises';
import { captureIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import { describe, expect, it } from 'vitest';
import { reviewRepo, stubEnv } from '../review-test-kit.js';
import { reviewCommand } from './index.js';

// The umbrella CLI mounts `reviewCommand` as `planwright review`, beside its other commands.
describe('reviewCommand in a multi-command CLI', () => {
  it('runs as `review` with the same flags, and its help shows that name', async () => {
    const { repo, reviewFile } = await reviewRepo();
    stubEnv({ GEMINI_BIN: '/nonexistent/gemini' });
    const definition = { scriptName: 'planwright', version: '0.0.0', description: 'umbrella', commands: [reviewCommand] };

    const io = captureIo();
    expect(await runCli(definition, ['review', '--repo', repo, '--pr', 'pr-1', '--dry-run', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toMatchObject({ output: reviewFile, dry_run: true, model_requested: 'gemini-3-pro-preview' });
    expect(await readFile(reviewFile, 'utf8')).toContain('- dry_run: true');

    const help = captureIo();
    expect(await runCli(definition, ['review', '--help'], help)).toBe(0);
    expect(help.stdout).toMatch(/^planwright review\n\nHave Gemini \(or Codex, Claude\) critique the plan options/);
    expect(help.stdout).toContain('planwright review --pr pr-42 --reviewer codex');
  });
});
