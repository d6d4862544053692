import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { git, isolatedGitEnv, tempDir, tempGitRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { deleteBranch, fetchRefs, hasCommit, initBareRepo, pushRefs } from './remote-refs.js';

const env = isolatedGitEnv();

/** A repository with a `feature` branch one commit ahead of main, and a bare copy of it as a remote. */
async function remoteWithBranch(): Promise<{ remote: string; work: string; feature: string }> {
  const work = await tempGitRepo({ files: { 'a.txt': 'a\n' } });
  await git(work, ['checkout', '--quiet', '-b', 'feature']);
  await git(work, ['commit', '--quiet', '--allow-empty', '-m', 'feature work']);
  const remote = join(await tempDir('planwright-remote-'), 'origin.git');
  await git(work, ['clone', '--quiet', '--bare', work, remote]);
  return { remote, work, feature: await git(work, ['rev-parse', 'HEAD']) };
}

describe('bare caches of a remote', () => {
  it('creates a bare repository once and reuses it after', async () => {
    const path = join(await tempDir('planwright-cache-'), 'mirrors', 'one.git');
    expect(await initBareRepo({ path, env })).toEqual({ path, created: true });
    expect(existsSync(join(path, 'HEAD'))).toBe(true);
    expect(await initBareRepo({ path, env })).toEqual({ path, created: false });
  });

  it('fetches only the refspecs named, and says whether a commit is there', async () => {
    const { remote, feature } = await remoteWithBranch();
    const { path } = await initBareRepo({ path: join(await tempDir('planwright-cache-'), 'm.git'), env });
    expect(await hasCommit(feature, { cwd: path, env })).toBe(false);
    await fetchRefs({ cwd: path, env, remote, refspecs: ['+refs/heads/feature:refs/remotes/origin/feature'] });
    expect(await hasCommit(feature, { cwd: path, env })).toBe(true);
    expect(await git(path, ['for-each-ref', '--format=%(refname)'])).toBe('refs/remotes/origin/feature');
    expect(await hasCommit('0'.repeat(40), { cwd: path, env })).toBe(false);
  });

  it('names the remote and the ref when a fetch fails', async () => {
    const { remote } = await remoteWithBranch();
    const { path } = await initBareRepo({ path: join(await tempDir('planwright-cache-'), 'm.git'), env });
    await expect(fetchRefs({ cwd: path, env, remote, refspecs: ['refs/heads/nope:refs/remotes/origin/nope'] })).rejects.toMatchObject({
      name: 'GitError',
      message: expect.stringContaining("couldn't find remote ref refs/heads/nope"),
    });
  });
});

describe('pushRefs', () => {
  it('pushes several refs at once, and none when one of them is refused', async () => {
    const { remote, work, feature } = await remoteWithBranch();
    await pushRefs({ cwd: work, env, remote, refspecs: ['+HEAD:refs/heads/task', 'HEAD:refs/attempts/1'] });
    expect(await git(remote, ['rev-parse', 'refs/heads/task', 'refs/attempts/1'])).toBe(`${feature}\n${feature}`);
    // refs/attempts/1 exists at another commit and is not forced: the whole push is refused.
    await git(work, ['commit', '--quiet', '--allow-empty', '-m', 'more']);
    await expect(pushRefs({ cwd: work, env, remote, refspecs: ['+HEAD:refs/heads/task', 'HEAD~2:refs/attempts/1'] })).rejects.toMatchObject({ name: 'GitError' });
    expect(await git(remote, ['rev-parse', 'refs/heads/task'])).toBe(feature);
  });
});

describe('a remote that reads as an option', () => {
  it('is refused before git runs', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a\n' } });
    const remote = '--upload-pack=touch pwned';
    for (const transfer of [fetchRefs, pushRefs]) {
      await expect(transfer({ cwd: repo, env, remote, refspecs: ['HEAD:refs/heads/x'] })).rejects.toMatchObject({
        name: 'UsageError',
        message: 'remote "--upload-pack=touch pwned": a repository URL or path cannot start with "-"',
      });
    }
    expect(existsSync(join(repo, 'pwned'))).toBe(false);
  });
});

describe('deleteBranch', () => {
  it('deletes an unmerged branch, and answers false for a missing one', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a\n' } });
    await git(repo, ['checkout', '--quiet', '-b', 'side']);
    await git(repo, ['commit', '--quiet', '--allow-empty', '-m', 'side only']);
    await git(repo, ['checkout', '--quiet', 'main']);
    expect(await deleteBranch('side', { cwd: repo, env })).toBe(true);
    expect(await git(repo, ['branch', '--list', 'side'])).toBe('');
    expect(await deleteBranch('side', { cwd: repo, env })).toBe(false);
  });
});
