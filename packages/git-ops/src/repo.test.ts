import { existsSync } from 'node:fs';
import { realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, isolatedGitEnv, tempDir, tempGitRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { currentBranch, ensureRepo, headSha, isDirty } from './repo.js';

const env = isolatedGitEnv();

describe('ensureRepo', () => {
  it('runs git init in a folder that is no repository, once', async () => {
    // git reports real paths; the temp folder may sit behind a symlink (macOS).
    const dir = await realpath(await tempDir());
    expect(await ensureRepo({ cwd: dir, env, initialBranch: 'main' })).toEqual({ root: dir, created: true });
    expect(existsSync(join(dir, '.git'))).toBe(true);
    expect(await currentBranch({ cwd: dir, env })).toBe('main');
    expect(await ensureRepo({ cwd: dir, env })).toEqual({ root: dir, created: false });
  });

  it('creates a missing folder', async () => {
    const dir = join(await tempDir(), 'new', 'app');
    expect(await ensureRepo({ cwd: dir, env })).toMatchObject({ created: true });
  });

  it('finds the repository from a folder inside it', async () => {
    const repo = await realpath(await tempGitRepo({ files: { 'src/a.ts': '' } }));
    expect(await ensureRepo({ cwd: join(repo, 'src'), env })).toEqual({ root: repo, created: false });
  });
});

describe('headSha, currentBranch, isDirty', () => {
  it('reports no HEAD in a repository without commits', async () => {
    const repo = await tempGitRepo();
    expect(await headSha({ cwd: repo, env })).toBeNull();
    expect(await currentBranch({ cwd: repo, env })).toBe('main');
  });

  it('reports HEAD, a detached HEAD, and changes including untracked files', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a\n' } });
    const sha = await git(repo, ['rev-parse', 'HEAD']);
    expect(await headSha({ cwd: repo, env })).toBe(sha);
    expect(await isDirty({ cwd: repo, env })).toBe(false);
    await writeFile(join(repo, 'new.txt'), 'x');
    expect(await isDirty({ cwd: repo, env })).toBe(true);
    await git(repo, ['switch', '--quiet', '--detach']);
    expect(await currentBranch({ cwd: repo, env })).toBeNull();
  });

  it('says which folder is missing instead of blaming git', async () => {
    const missing = join(await tempDir(), 'nope');
    await expect(headSha({ cwd: missing, env })).rejects.toMatchObject({ exitCode: 2, message: `no such folder: ${missing}` });
  });
});
