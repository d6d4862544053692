import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, isolatedGitEnv, tempDir, tempGitRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { integrateReports, type ReportToLand } from './integrate-reports.js';

const env = isolatedGitEnv();

/** A checkout with a bare remote, and a way to make worker commits on a base and push them to attempt refs. */
async function setup() {
  const repo = await tempGitRepo({ files: { 'a.txt': 'a\n' } });
  const bare = join(await tempDir('planwright-reports-'), 'origin.git');
  await git(repo, ['init', '--quiet', '--bare', bare]);
  const base = await git(repo, ['rev-parse', 'HEAD']);
  const work = join(await tempDir('planwright-reports-work-'), 'w');
  await git(repo, ['worktree', 'add', '--quiet', '--detach', work, base]);
  /** A worker's commit of `files` on `on`, pushed to its own attempt ref. */
  const task = async (taskId: string, files: Record<string, string>, on = base, commits = 1): Promise<ReportToLand> => {
    await git(work, ['checkout', '--quiet', '--detach', on]);
    for (let n = 1; n <= commits; n++) {
      for (const [name, text] of Object.entries(files)) await writeFile(join(work, name), `${text}${n}\n`);
      await git(work, ['add', '-A']);
      await git(work, ['commit', '--quiet', '-m', `${taskId}: part ${n}`]);
    }
    const sha = await git(work, ['rev-parse', 'HEAD']);
    const attemptRef = `refs/planwright/attempts/pr-1/${taskId}/1-w1`;
    await git(work, ['push', '--quiet', '--force', bare, `HEAD:${attemptRef}`]);
    return { taskId, commit: { sha, attemptRef }, baseSha: on };
  };
  const options = { codeDir: repo, remote: bare, env };
  return { repo, base, task, options };
}

describe('integrateReports', () => {
  it('lands several reports in one go: the first fast-forwards, the others are picked on top, in order', async () => {
    const { repo, base, task, options } = await setup();
    const reports = [await task('t1', { 't1.txt': 't1' }), await task('t2', { 't2.txt': 't2' }), await task('t3', { 't3.txt': 't3' })];
    const results = await integrateReports(options, reports);
    const made = (await git(repo, ['rev-list', '--reverse', `${base}..HEAD`])).split('\n');
    expect(made).toHaveLength(3);
    expect(results).toEqual([
      { value: { commit: { before: base, after: reports[0]!.commit.sha }, method: 'fast-forward' } },
      { value: { commit: { before: made[0], after: made[1] }, method: 'cherry-pick' } },
      { value: { commit: { before: made[1], after: made[2] }, method: 'cherry-pick' } },
    ]);
    expect(await git(repo, ['log', '--format=%s', `${base}..HEAD`])).toBe('t3: part 1\nt2: part 1\nt1: part 1');
    // Seen again (a restarted coordinator): the fast-forwarded commit is held, nothing changes.
    const again = await integrateReports(options, [reports[0]!]);
    expect(again).toEqual([{ value: { commit: { before: made[2], after: made[2] }, method: 'nothing' } }]);
  });

  it('fails only the report whose attempt ref is not its sha, or is missing, and lands the others', async () => {
    const { repo, base, task, options } = await setup();
    const good = await task('t1', { 't1.txt': 't1' });
    const moved = await task('t2', { 't2.txt': 't2' });
    const missing: ReportToLand = { taskId: 't3', commit: { sha: good.commit.sha, attemptRef: 'refs/planwright/attempts/pr-1/t3/1-w1' }, baseSha: base };
    const results = await integrateReports(options, [good, { ...moved, commit: { ...moved.commit, sha: base } }, missing]);
    expect(results[0]).toMatchObject({ value: { method: 'fast-forward' } });
    expect(String((results[1] as { error: Error }).error.message)).toMatch(/t2: .* is [0-9a-f]{8} on the remote, not the reported/);
    expect(String((results[2] as { error: Error }).error.message)).toMatch(/couldn't find remote ref|t3/);
    expect(await git(repo, ['rev-parse', 'HEAD'])).toBe(good.commit.sha);
  });

  it('names the files of a report that conflicts, lands the others, and leaves no cherry-pick under way', async () => {
    const { repo, base, task, options } = await setup();
    const first = await task('t1', { 'same.txt': 'one' });
    const clash = await task('t2', { 'same.txt': 'two' });
    const other = await task('t3', { 't3.txt': 't3' });
    const results = await integrateReports(options, [first, clash, other]);
    expect(results[0]).toMatchObject({ value: { method: 'fast-forward' } });
    expect(results[1]).toEqual({ value: { conflicts: ['same.txt'] } });
    expect(results[2]).toMatchObject({ value: { method: 'cherry-pick' } });
    expect(await git(repo, ['log', '--format=%s', `${base}..HEAD`])).toBe('t3: part 1\nt1: part 1');
    expect(await git(repo, ['status', '--porcelain'])).toBe('');
  });

  it('brings every commit of a task that made several', async () => {
    const { repo, base, task, options } = await setup();
    const moved = await task('t0', { 't0.txt': 't0' });
    const several = await task('t1', { 't1.txt': 't1' }, base, 2);
    const results = await integrateReports(options, [moved, several]);
    expect(results[1]).toMatchObject({ value: { method: 'cherry-pick' } });
    expect(await git(repo, ['log', '--format=%s', `${base}..HEAD`])).toBe('t1: part 2\nt1: part 1\nt0: part 1');
  });
});
