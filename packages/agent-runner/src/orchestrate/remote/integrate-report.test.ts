import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, isolatedGitEnv, tempDir, tempGitRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { integrateReport } from './integrate-report.js';

const env = isolatedGitEnv();

/** A checkout with an `origin`, and a task commit on top of its head pushed to an attempt ref there. */
async function setup() {
  const repo = await tempGitRepo({ files: { 'a.txt': 'a\n' } });
  const bare = join(await tempDir('planwright-integrate-'), 'origin.git');
  await git(repo, ['init', '--quiet', '--bare', bare]);
  const base = await git(repo, ['rev-parse', 'HEAD']);
  const work = join(await tempDir('planwright-integrate-work-'), 'w');
  await git(repo, ['worktree', 'add', '--quiet', '--detach', work, base]);
  await writeFile(join(work, 't1.txt'), 't1\n');
  await git(work, ['add', '-A']);
  await git(work, ['commit', '--quiet', '-m', 't1: Task t1']);
  const sha = await git(work, ['rev-parse', 'HEAD']);
  const attemptRef = 'refs/planwright/attempts/pr-1/t1/1-w1';
  await git(work, ['push', '--quiet', bare, `HEAD:${attemptRef}`]);
  const options = { codeDir: repo, remote: bare, pr: 'pr-1', taskId: 't1', commit: { sha, attemptRef }, baseSha: base, env };
  return { repo, base, sha, options };
}

describe('integrateReport', () => {
  it('fast-forwards a checkout still at the base, and brings nothing the second time the report is seen', async () => {
    const { repo, base, sha, options } = await setup();
    expect(await integrateReport(options)).toEqual({ commit: { before: base, after: sha }, method: 'fast-forward' });
    expect(await git(repo, ['rev-parse', 'HEAD'])).toBe(sha);
    expect(await integrateReport(options)).toEqual({ commit: { before: sha, after: sha }, method: 'nothing' });
    expect(await git(repo, ['log', '--format=%s'])).toMatch(/^t1: Task t1\n[^\n]+$/);
  });

  it('refuses an attempt ref that is not the reported commit, and changes nothing', async () => {
    const { repo, base, options } = await setup();
    const other = await git(repo, ['commit-tree', '-p', base, '-m', 'other', `${base}^{tree}`]);
    await expect(integrateReport({ ...options, commit: { ...options.commit, sha: other } })).rejects.toThrow(/is [0-9a-f]{8} on the remote, not the reported/);
    expect(await git(repo, ['rev-parse', 'HEAD'])).toBe(base);
  });

  it('cherry-picks onto a checkout that moved since the base', async () => {
    const { repo, sha, options } = await setup();
    await writeFile(join(repo, 'b.txt'), 'b\n');
    await git(repo, ['add', 'b.txt']);
    await git(repo, ['commit', '--quiet', '-m', 'another task']);
    const result = await integrateReport(options);
    expect(result).toMatchObject({ method: 'cherry-pick' });
    expect(await git(repo, ['log', '--format=%s', '-2'])).toBe('t1: Task t1\nanother task');
    expect(await git(repo, ['rev-parse', 'HEAD'])).not.toBe(sha);
  });

  it('names the conflicting files of a cherry-pick and leaves the checkout as it was', async () => {
    const { repo, options } = await setup();
    await writeFile(join(repo, 't1.txt'), 'another task wrote it first\n');
    await git(repo, ['add', 't1.txt']);
    await git(repo, ['commit', '--quiet', '-m', 'another task']);
    const head = await git(repo, ['rev-parse', 'HEAD']);
    expect(await integrateReport(options)).toEqual({ conflicts: ['t1.txt'] });
    expect(await git(repo, ['rev-parse', 'HEAD'])).toBe(head);
    expect(await git(repo, ['status', '--porcelain'])).toBe('');
  });
});
