import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, tempDir, tempGitRepo, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { ensureGitignoreBlock } from './gitignore.js';

describe('ensureGitignoreBlock', () => {
  it('creates .gitignore when missing, and a second run changes nothing', async () => {
    const dir = await tempDir();
    expect(await ensureGitignoreBlock({ cwd: dir })).toEqual({ file: join(dir, '.gitignore'), action: 'created', changed: true });
    const first = await readFile(join(dir, '.gitignore'), 'utf8');
    expect(await ensureGitignoreBlock({ cwd: dir })).toMatchObject({ action: 'unchanged', changed: false });
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe(first);
  });

  it('adds the block after the user lines, then replaces it in place with new patterns', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, '.gitignore'), 'node_modules/\n');
    expect(await ensureGitignoreBlock({ cwd: dir })).toMatchObject({ action: 'added' });
    await writeFile(join(dir, '.gitignore'), `${await readFile(join(dir, '.gitignore'), 'utf8')}*.log\n`);
    expect(await ensureGitignoreBlock({ cwd: dir, patterns: ['.plans/**/runs/', 'tmp/'] })).toMatchObject({ action: 'replaced' });
    const text = await readFile(join(dir, '.gitignore'), 'utf8');
    expect(text.startsWith('node_modules/\n\n# >>> planwright >>>\n')).toBe(true);
    expect(text.endsWith('tmp/\n# <<< planwright <<<\n*.log\n')).toBe(true);
    expect(text).not.toContain('runs-*');
  });

  it('makes git ignore run folders and nothing else under .plans', async () => {
    const repo = await tempGitRepo();
    await ensureGitignoreBlock({ cwd: repo });
    await writeFiles(repo, {
      '.plans/pr-1/plan.json': '{}',
      '.plans/pr-1/runs/20250101-000000-1/meta.json': '{}',
      '.plans/pr-1/runs-ci/x/meta.json': '{}',
    });
    const untracked = await git(repo, ['ls-files', '--others', '--exclude-standard']);
    expect(untracked.split('\n').sort()).toEqual(['.gitignore', '.plans/pr-1/plan.json']);
  });

  it('refuses a block whose end marker is missing, with exit code 2', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, '.gitignore'), '# >>> planwright >>>\nx\n');
    await expect(ensureGitignoreBlock({ cwd: dir })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('has no "# <<< planwright <<<" after it'),
    });
  });
});
