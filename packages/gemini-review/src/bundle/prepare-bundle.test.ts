import { join } from 'node:path';
import { rm, symlink, writeFile } from 'node:fs/promises';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { reviewRepo } from '../review-test-kit.js';
import { defaultPlanOptions } from './collect-files.js';
import { prepareBundle } from './prepare-bundle.js';

const base = { pr: 'pr-1', generatedAt: '2026-01-02T03:04:05Z', maxBundleKb: 400, redact: false, allowSecrets: false, extra: [] as string[] };

describe('prepareBundle', () => {
  it('renders the header and each file under "# FILE:" in the kit order, each file once', async () => {
    const { repo } = await reviewRepo({ 'docs/a.md': 'A\n', 'docs/empty.md': '' });
    // The plan options named twice (flag and default path, here through a link) and an empty --extra.
    await symlink(defaultPlanOptions(repo, 'pr-1'), join(repo, 'options-link.md'));
    const { text, stats } = await prepareBundle({
      ...base,
      repo,
      planOptions: join(repo, 'options-link.md'),
      planOptionsGiven: true,
      extra: [join(repo, 'docs/a.md'), join(repo, 'docs/empty.md')],
    });
    expect(text).toBe(
      [
        '# Plan review bundle',
        '',
        '- generated_at: 2026-01-02T03:04:05Z',
        `- repo: ${repo}`,
        '- pr: pr-1',
        '- files:',
        '  - options-link.md',
        '  - .plans/pr-1/CONTEXT.md',
        '  - .plans/pr-1/research/RESEARCH.md',
        '  - docs/a.md',
        '',
        '# FILE: options-link.md',
        '',
        '# Plan options\n\n## Option A\nRewrite the cache.\n\n## Option B\nAdd a write-through layer.',
        '',
        '# FILE: .plans/pr-1/CONTEXT.md',
        '',
        '# Context\n\nThe service answers in 40 ms today.',
        '',
        '# FILE: .plans/pr-1/research/RESEARCH.md',
        '',
        '# Research\n\nThe cache is hit 80% of the time.',
        '',
        '# FILE: docs/a.md',
        '',
        'A',
        '',
      ].join('\n'),
    );
    expect(stats).toEqual({ files: ['options-link.md', '.plans/pr-1/CONTEXT.md', '.plans/pr-1/research/RESEARCH.md', 'docs/a.md'], bytes: Buffer.byteLength(text), token_estimate: Math.ceil(Buffer.byteLength(text) / 4), redacted: 0 });
  });

  it('skips missing optional files and labels files outside the repo by their absolute path', async () => {
    const { repo } = await reviewRepo();
    const outside = join(await tempDir(), 'outside.md');
    await writeFile(outside, 'outside\n');
    await rm(join(repo, '.plans/pr-1/CONTEXT.md'));
    const { stats } = await prepareBundle({ ...base, repo, planOptions: defaultPlanOptions(repo, 'pr-1'), planOptionsGiven: false, extra: [outside] });
    expect(stats.files).toEqual(['.plans/pr-1/preplan/PLAN_OPTIONS.md', '.plans/pr-1/research/RESEARCH.md', outside]);
  });

  it('--allow-secrets sends secrets untouched', async () => {
    const token = 'xoxb-' + '1234567890-abcdefghij';
    const { repo } = await reviewRepo({ '.plans/pr-1/CONTEXT.md': `slack ${token}\n` });
    const { text, stats } = await prepareBundle({ ...base, repo, planOptions: defaultPlanOptions(repo, 'pr-1'), planOptionsGiven: false, allowSecrets: true });
    expect(text).toContain(token);
    expect(stats.redacted).toBe(0);
  });
});
