import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { doWork } from '../../../test/git-executor.js';
import { remoteFixture } from '../../../test/remote-fixture.js';

const task = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: `Task ${id}`, status: 'pending' as const, ...extra });

describe('run --executor: what the workers push is integrated', () => {
  it('fast-forwards the PR branch to a task commit, records it, and pushes the branch after the last task', async () => {
    const fixture = await remoteFixture([task('t1')]);
    const before = await git(fixture.repo, ['rev-parse', 'HEAD']);
    const { result, events } = await fixture.runRemote();
    expect(result.exitCode).toBe(0);
    const request = fixture.executor.requests[0]!;
    expect(request).toMatchObject({ pr: 'pr-1', baseSha: before, prBranch: 'main', taskBranch: 'planwright/pr-1/t1', remote: fixture.bare, runId: result.runId });
    expect(request.settings).toMatchObject({ agent: 'codex', autoVerify: false, retries: 0 });
    expect(await fixture.log()).toEqual(['t1: Task t1', 'initial']);
    const head = await git(fixture.repo, ['rev-parse', 'HEAD']);
    expect(await fixture.task('t1')).toMatchObject({ status: 'done', host: 'test-host', worker: 'w1', attempt: 1, head_before: before, head_after: head, thread_id: 'thread-t1' });
    expect(events).toContainEqual({ type: 'placed', taskId: 't1', host: 'test-host', worker: 'w1', attempt: 1 });
    expect(await git(fixture.bare, ['rev-parse', 'refs/heads/main'])).toBe(head);
    const results = JSON.parse(await readFile(result.outcomes[0]!.resultsPath, 'utf8'));
    expect(results).toMatchObject({ task_id: 't1', run_id: result.runId, host: 'test-host', worker: 'w1', attempt: 1, branch: 'planwright/pr-1/t1', sha: head });
    expect(await readFile(result.outcomes[0]!.logPath, 'utf8')).toBe('# t1 ran on w1@test-host (attempt 1); the last lines of its agent log follow (the worker keeps no copy after the job)\nagent log of t1\n');
    expect(fixture.executor.calls).toContain('close');
  });

  it('runs two domains at once and brings the second in by cherry-pick', async () => {
    const fixture = await remoteFixture([task('a1', { domain: 'api' }), task('d1', { domain: 'docs' })]);
    const { result } = await fixture.runRemote({ concurrency: 2 });
    expect(result.exitCode).toBe(0);
    const [first, second] = fixture.executor.requests;
    expect(first!.baseSha).toBe(second!.baseSha);
    expect((await fixture.log()).sort()).toEqual(['a1: Task a1', 'd1: Task d1', 'initial']);
    expect(await git(fixture.repo, ['ls-files', 'a1.txt', 'd1.txt'])).toBe('a1.txt\nd1.txt');
  });

  it("puts off git's housekeeping after each fetch of reports, and does it once when the run ends", async () => {
    const fixture = await remoteFixture([task('a1', { domain: 'api' }), task('d1', { domain: 'docs' }), task('a2', { domain: 'api', depends_on: ['a1'] })]);
    const trace = join(await tempDir('planwright-trace-'), 'git-trace.txt');
    const { result } = await fixture.runRemote({ concurrency: 2, env: { ...fixture.env, GIT_TRACE: trace } });
    expect(result.exitCode).toBe(0);
    const lines = (await readFile(trace, 'utf8')).split('\n');
    const fetches = lines.filter((line) => /built-in: git .*fetch .*refs\/planwright\/attempts/.test(line));
    expect(fetches.length).toBeGreaterThanOrEqual(2);
    expect(lines.filter((line) => /run_command: git maintenance run --auto/.test(line))).toEqual([]);
    // The run's one housekeeping of the checkout, after its last push: a gc --auto of its own, where the
    // bare remote's are run by its receive-pack after each push.
    const gcs = (pattern: RegExp) => lines.filter((line) => pattern.test(line)).length;
    expect(gcs(/built-in: git gc --auto/) - gcs(/run_command: git gc --auto/)).toBe(1);
  });

  it('sends a task from the branch as pushed last unless a task it needs landed since: a push only when one did', async () => {
    const fixture = await remoteFixture([
      task('t1', { expected_files: ['t1.txt'] }),
      task('t2', { expected_files: ['t2.txt'] }),
      task('t3', { expected_files: ['t3.txt'], depends_on: ['t1'] }),
      task('t4', { expected_files: ['t3.txt'] }),
    ]);
    const initial = await git(fixture.repo, ['rev-parse', 'HEAD']);
    const { result } = await fixture.runRemote({ concurrency: 1, autoVerify: true });
    expect(result.exitCode).toBe(0);
    const base = (id: string) => fixture.executor.requests.find((request) => request.task.id === id)!.baseSha;
    // t2 needs nothing of t1 (other files, no dependency): it starts where t1 did, with no push between.
    expect(base('t1')).toBe(initial);
    expect(base('t2')).toBe(initial);
    // t3 depends on t1: pushed first, so its base holds t1 (and t2, landed by then).
    expect(await git(fixture.bare, ['ls-tree', '--name-only', base('t3'), 't1.txt', 't2.txt'])).toBe('t1.txt\nt2.txt');
    // t4 writes t3's file: pushed again, its base holds t3.
    expect(await git(fixture.bare, ['ls-tree', '--name-only', base('t4'), 't3.txt'])).toBe('t3.txt');
    expect((await fixture.log()).sort()).toEqual(['initial', 't1: Task t1', 't2: Task t2', 't3: Task t3', 't4: Task t4']);
    expect(await git(fixture.bare, ['rev-parse', 'refs/heads/main'])).toBe(await git(fixture.repo, ['rev-parse', 'HEAD']));
  });

  it("sends a dependent from a base that holds its dependency's commit", async () => {
    const fixture = await remoteFixture([task('t1'), task('t2', { depends_on: ['t1'] })]);
    const { result } = await fixture.runRemote({ autoVerify: true });
    expect(result.exitCode).toBe(0);
    const [, dependent] = fixture.executor.requests;
    expect(await git(fixture.bare, ['show', `${dependent!.baseSha}:t1.txt`])).toBe('t1');
    expect((await fixture.task('t2')).status).toBe('done');
  });

  it('blocks a task whose commit conflicts, naming the files, and leaves the checkout as it was', async () => {
    const fixture = await remoteFixture([task('a1', { domain: 'api' }), task('d1', { domain: 'docs' })], {
      a1: { files: { 'README.md': 'from a1\n' } },
      d1: { files: { 'README.md': 'from d1\n' } },
    });
    const { result, events } = await fixture.runRemote({ concurrency: 2 });
    expect(result.exitCode).toBe(1);
    const blocked = (await Promise.all(['a1', 'd1'].map((id) => fixture.task(id)))).filter((entry) => entry.status === 'blocked');
    expect(blocked).toHaveLength(1);
    expect(blocked[0]!.blocked_reason).toBe('merge_conflict: README.md');
    expect(await git(fixture.repo, ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!.plans'])).toBe('');
    expect(await fixture.log()).toHaveLength(2);
    expect(events).toContainEqual(expect.objectContaining({ type: 'merge', method: 'conflict', conflicts: ['README.md'] }));
  });

  it('blocks a task whose job failed for good as worker_failed, with the first line of the message', async () => {
    const fixture = await remoteFixture([task('t1')], { t1: { fail: 'repository not allowed on this worker\nat stack' } });
    const { result } = await fixture.runRemote();
    expect(result.exitCode).toBe(1);
    expect(await fixture.task('t1')).toMatchObject({ status: 'blocked', blocked_reason: 'worker_failed: repository not allowed on this worker' });
    expect(await fixture.log()).toEqual(['initial']);
  });

  it('integrates exactly the reported commit, once, when the branch is pushed again after the report', async () => {
    const fixture = await remoteFixture([task('t1')], {
      t1: {
        // A stalled first worker comes back and pushes its own work over the branch (and its own attempt ref).
        afterPush: async (request) => void (await doWork(request, { 'late.txt': 'late\n' }, { host: 'other', worker: 'w2', attempt: 2 })),
      },
    });
    const { result } = await fixture.runRemote();
    expect(result.exitCode).toBe(0);
    expect(await fixture.log()).toEqual(['t1: Task t1', 'initial']);
    expect(await git(fixture.repo, ['ls-files', 'late.txt'])).toBe('');
    // The late report of a restart for a task already settled lands nothing.
    const late = { ...fixture.executor.requests[0]!, task: { ...fixture.executor.requests[0]!.task } };
    const lateWork = await doWork(late, { 'late.txt': 'late\n' }, { host: 'other', worker: 'w2', attempt: 3 });
    fixture.executor.adoptions.set('t1', { state: 'finished', report: (await import('../../../test/git-executor.js')).report(late, 'done', { host: 'other', worker: 'w2', attempt: 3 }, lateWork) });
    await fixture.runRemote();
    expect(await fixture.log()).toEqual(['t1: Task t1', 'initial']);
    expect(fixture.executor.calls.filter((call) => call.startsWith('adopt'))).toEqual([]);
  });
});
