import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { cli, listFiles, reviewRepo, stubEnv } from './review-test-kit.js';

const secret = 'AKIA' + 'ABCDEFGHIJKLMNOP';

// Bad input: exit 2 with one line naming the flag or file and a fix; nothing written, nothing started.
// GEMINI_BIN points nowhere, so a test that got as far as calling gemini would fail differently.
describe('gemini-review with bad input', () => {
  const cases: [string, (repo: string) => string[], Record<string, string>, RegExp][] = [
    ['no --pr', (repo) => ['--repo', repo], {}, /^gemini-review: Missing required argument: pr \(see gemini-review --help\)$/],
    ['a PR name that slugs to nothing', (repo) => ['--repo', repo, '--pr', '///'], {}, /^gemini-review: --pr "\/\/\/": the slug is empty/],
    ['a --plan-options file that does not exist', (repo) => ['--repo', repo, '--pr', 'pr-1', '--plan-options', join(repo, 'nope.md')], {}, /^gemini-review: --plan-options \/.*\/nope\.md: no such file \(check the path/],
    ['no plan options at the default path', (repo) => ['--repo', repo, '--pr', 'pr-2'], {}, /^gemini-review: the plan options \/.*\/\.plans\/pr-2\/preplan\/PLAN_OPTIONS\.md: no such file \(write the plan options first, or name them with --plan-options\)$/],
    ['empty plan options', (repo) => ['--repo', repo, '--pr', 'pr-1'], { '.plans/pr-1/preplan/PLAN_OPTIONS.md': '\n' }, /: the file is empty \(write the plan options first\)$/],
    ['an --extra file that does not exist', (repo) => ['--repo', repo, '--pr', 'pr-1', '--extra', join(repo, 'missing.md')], {}, /^gemini-review: --extra \/.*\/missing\.md: no such file/],
    ['an --extra folder', (repo) => ['--repo', repo, '--pr', 'pr-1', '--extra', repo], {}, /^gemini-review: --extra \/.*: not a file/],
    ['a model without gemini-3-', (repo) => ['--repo', repo, '--pr', 'pr-1', '--model', 'gemini-2.5-pro'], {}, /^gemini-review: --model gemini-2\.5-pro: refused for a gemini review: it does not start with "gemini-3-" .* \(try --model gemini-3-pro-preview\)$/],
    ['a flash model', (repo) => ['--repo', repo, '--pr', 'pr-1', '--model', 'gemini-3-flash-preview'], {}, /^gemini-review: --model gemini-3-flash-preview: refused for a gemini review: it contains "flash" .* \(try --model gemini-3-pro-preview\)$/],
    ['a model without pro', (repo) => ['--repo', repo, '--pr', 'pr-1', '--model', 'gemini-3-ultra'], {}, /^gemini-review: --model gemini-3-ultra: refused for a gemini review: it lacks "pro" .* \(try --model gemini-3-pro-preview\)$/],
    [
      'likely secrets',
      (repo) => ['--repo', repo, '--pr', 'pr-1'],
      { '.plans/pr-1/CONTEXT.md': `# Context\n\nkey ${secret}\n`, '.plans/pr-1/research/RESEARCH.md': '# R\n\nexport SERVICE_TOKEN=f00dfeedc0ffee\n' },
      /^gemini-review: likely secrets in the bundle, nothing was sent: \.plans\/pr-1\/CONTEXT\.md:3 \(AWS access key id\), \.plans\/pr-1\/research\/RESEARCH\.md:3 \(\.env-style assignment of SERVICE_TOKEN\) \(remove them, or pass --redact to replace them or --allow-secrets to send them as they are\)$/,
    ],
    ['--redact with --allow-secrets', (repo) => ['--repo', repo, '--pr', 'pr-1', '--redact', '--allow-secrets'], {}, /^gemini-review: --redact and --allow-secrets exclude each other/],
    [
      'a bundle over --max-bundle-kb',
      (repo) => ['--repo', repo, '--pr', 'pr-1', '--extra', join(repo, 'big.md'), '--max-bundle-kb', '2'],
      { 'big.md': 'x'.repeat(3000) },
      /^gemini-review: the bundle is 3\.\d KB, over --max-bundle-kb 2; largest files: big\.md \(2\.9 KB\), \.plans\/pr-1\/preplan\/PLAN_OPTIONS\.md \(0\.1 KB\), .* \(leave out or shorten --extra files, or raise --max-bundle-kb\)$/,
    ],
    ['--max-attempts out of range', (repo) => ['--repo', repo, '--pr', 'pr-1', '--max-attempts', '11'], {}, /^gemini-review: --max-attempts 11: must be a whole number from 1 to 10 \(1 means no retry\)$/],
    ['--out naming a folder', (repo) => ['--repo', repo, '--pr', 'pr-1', '--out', repo], {}, /^gemini-review: --out \/.*: not a file \(name the review file, not its folder\)$/],
    ['an unknown reviewer', (repo) => ['--repo', repo, '--pr', 'pr-1', '--reviewer', 'copilot'], {}, /^gemini-review: Invalid values:/],
  ];

  it.each(cases)('%s', async (_name, argv, files, message) => {
    const { repo } = await reviewRepo(files);
    stubEnv({ GEMINI_BIN: '/nonexistent/gemini' });
    const before = await listFiles(repo);
    const { code, stdout, stderr } = await cli(argv(repo));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(await listFiles(repo)).toEqual(before);
  });

  it('--repo that is not a folder', async () => {
    const dir = await tempDir();
    const { code, stderr } = await cli(['--repo', join(dir, 'nope'), '--pr', 'pr-1']);
    expect(code).toBe(2);
    expect(stderr).toBe(`gemini-review: --repo ${join(dir, 'nope')}: no such folder (name the repository root)\n`);
  });
});

// A missing reviewer CLI is an environment problem, not a wrong flag: exit 1, as for `planwright run`.
describe('gemini-review without the reviewer CLI', () => {
  it('names GEMINI_BIN when it points nowhere, and writes nothing', async () => {
    const { repo } = await reviewRepo();
    stubEnv({ GEMINI_BIN: '/nonexistent/gemini' });
    const before = await listFiles(repo);
    const { code, stdout, stderr } = await cli(['--repo', repo, '--pr', 'pr-1']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('gemini-review: GEMINI_BIN=/nonexistent/gemini: no such executable (point GEMINI_BIN at the gemini binary, or unset it to use gemini from PATH)\n');
    expect(await listFiles(repo)).toEqual(before);
  });

  it('says how to install gemini when it is not on PATH', async () => {
    const { repo } = await reviewRepo();
    const emptyPath = await tempDir();
    stubEnv({ GEMINI_BIN: undefined, PATH: emptyPath });
    const before = await listFiles(repo);
    const { code, stderr } = await cli(['--repo', repo, '--pr', 'pr-1']);
    expect(code).toBe(1);
    expect(stderr).toBe('gemini-review: gemini not found on PATH (install it: npm install -g @google/gemini-cli (or set GEMINI_BIN))\n');
    expect(await listFiles(repo)).toEqual(before);
  });
});

describe('gemini-review --dry-run', () => {
  it('writes a stub naming the model and the bundle, and calls nothing (no binary needed)', async () => {
    const { repo, reviewFile } = await reviewRepo();
    await writeFiles(repo, { 'docs/extra.md': '# Extra\n' });
    stubEnv({ GEMINI_BIN: '/nonexistent/gemini' });
    const { code, stdout, stderr } = await cli(['--repo', repo, '--pr', 'pr-1', '--extra', join(repo, 'docs/extra.md'), '--dry-run']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^bundle: 4 files, 0\.\d KB, ~\d+ tokens\n/);
    expect(stdout).toMatch(new RegExp(`\\ndry run: wrote a stub naming gemini-3-pro-preview to ${reviewFile}; no reviewer was called\\n$`));
    const stub = await readFile(reviewFile, 'utf8');
    expect(stub).toMatch(/^# Plan review \(gemini, dry run\)\n\n- reviewer: gemini\n- model: gemini-3-pro-preview\n- generated_at: \S+Z\n- pr: pr-1\n/);
    expect(stub).toContain('.plans/pr-1/preplan/PLAN_OPTIONS.md, .plans/pr-1/CONTEXT.md, .plans/pr-1/research/RESEARCH.md, docs/extra.md\n- dry_run: true\n');
    expect(stub).toContain('Dry run: no reviewer was called.');
    // The bundle it would send, as the reviewer would read it.
    expect(stub).toContain('## Bundle\n\n```markdown\n# Plan review bundle\n');
    expect(stub).toContain('# FILE: docs/extra.md\n\n# Extra\n');
  });

  it('without preplan/PLAN_OPTIONS.md, writes the stub with the model and the bundle, names what is missing, exits 0 (as the kit)', async () => {
    const { repo, reviewFile } = await reviewRepo({ '.plans/pr-2/CONTEXT.md': '# Context\n\nA fence: ```js\n```\n' });
    stubEnv({ GEMINI_BIN: '/nonexistent/gemini' });
    const { code, stdout, stderr } = await cli(['--repo', repo, '--pr', 'pr-2', '--dry-run']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('no plan options yet: .plans/pr-2/preplan/PLAN_OPTIONS.md (the real review needs them)\n');
    const stub = await readFile(reviewFile.replace('pr-1', 'pr-2'), 'utf8');
    expect(stub).toMatch(/^# Plan review \(gemini, dry run\)\n\n- reviewer: gemini\n- model: gemini-3-pro-preview\n/);
    expect(stub).toContain('- bundle: 1 file, 0.');
    expect(stub).toContain('- plan_options: .plans/pr-2/preplan/PLAN_OPTIONS.md (missing: write it before the real review)\n');
    // A fence longer than any backtick run in the bundle keeps the bundle whole.
    expect(stub).toContain('````markdown\n# Plan review bundle\n');
    expect(stub).toMatch(/# FILE: \.plans\/pr-2\/CONTEXT\.md\n\n# Context\n\nA fence: ```js\n```\n````\n$/);
    // The real run still refuses, and writes nothing.
    const { code: real, stderr: refused } = await cli(['--repo', repo, '--pr', 'pr-2']);
    expect(real).toBe(2);
    expect(refused).toMatch(/^gemini-review: the plan options .*PLAN_OPTIONS\.md: no such file/);
  });
});
