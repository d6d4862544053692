import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, tempDir, tempGitRepo, writeFiles } from './index.js';

describe('tempDir', () => {
  let leftBehind = '';

  it('makes a folder that exists during the test', async () => {
    leftBehind = await tempDir();
    await writeFiles(leftBehind, { 'a/b.txt': 'hi' });
    expect(await readFile(join(leftBehind, 'a/b.txt'), 'utf8')).toBe('hi');
  });

  it('removed the previous test folder once that test finished', () => {
    expect(leftBehind).not.toBe('');
    expect(existsSync(leftBehind)).toBe(false);
  });
});

describe('tempGitRepo', () => {
  it('initialises a repo on main with an identity and no commit', async () => {
    const repo = await tempGitRepo();
    expect(await git(repo, ['symbolic-ref', '--short', 'HEAD'])).toBe('main');
    expect(await git(repo, ['config', 'user.email'])).toBe('test@planwright.invalid');
    await expect(git(repo, ['rev-parse', 'HEAD'])).rejects.toThrow();
  });

  it('commits the given files', async () => {
    const repo = await tempGitRepo({ files: { 'README.md': '# x\n' } });
    expect(await git(repo, ['ls-files'])).toBe('README.md');
  });
});
