import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { processGroupMembers } from '@planwright/run-store';
import { git } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeTask, jobContext, jobRemote, jobRequest, remoteRef, slotFolder, slotPrefix } from './job-test-kit.js';
import { ensureMirror, mirrorPath } from './mirror.js';
import { runTaskJob } from './run-task-job.js';

/** Running, not merely a zombie: an ended process whose parent is pid 1 may wait a while to be reaped. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z /.test(stat);
}

describe('the cache: one mirror per remote', () => {
  it('the second job reuses the mirror', { timeout: 60_000 }, async () => {
    const remote = await jobRemote();
    const context = await jobContext();
    await runTaskJob(jobRequest(remote, fakeTask('task_001', {}, 'write one.txt 1')), context);
    const mirror = mirrorPath(context.cacheDir, remote.remote);
    // A mark a re-made mirror would not have.
    await writeFile(join(mirror, 'planwright-test-mark'), 'kept\n');
    const second = await runTaskJob(jobRequest(remote, fakeTask('task_002', {}, 'write two.txt 2')), context);
    expect(second.commit).toBeDefined();
    expect(await readdir(join(context.cacheDir, 'mirrors'))).toEqual([basename(mirror)]);
    expect(await readdir(mirror)).toContain('planwright-test-mark');
    expect(context.lines.filter((line) => / (mirrored|fetched|found) /.test(line))).toEqual([
      `task_001: mirrored ${remote.baseSha.slice(0, 12)} of pr/pr-1`,
      `task_002: found ${remote.baseSha.slice(0, 12)} of pr/pr-1`,
    ]);
  });

  it('fetches only when the base is new, and only the PR branch', async () => {
    const remote = await jobRemote();
    const cacheDir = (await jobContext()).cacheDir;
    const mirror = { cacheDir, remote: remote.remote, prBranch: remote.prBranch };
    expect(await ensureMirror({ ...mirror, baseSha: remote.baseSha })).toMatchObject({ created: true, fetched: true });
    expect(await ensureMirror({ ...mirror, baseSha: remote.baseSha })).toMatchObject({ created: false, fetched: false });
    await git(remote.checkout, ['commit', '--quiet', '--allow-empty', '-m', 'task_001 integrated']);
    await git(remote.checkout, ['push', '--quiet', remote.remote, `HEAD:refs/heads/${remote.prBranch}`, 'HEAD:refs/heads/unrelated']);
    const next = await git(remote.checkout, ['rev-parse', 'HEAD']);
    expect(await ensureMirror({ ...mirror, baseSha: next })).toMatchObject({ created: false, fetched: true });
    expect(await git(mirrorPath(cacheDir, remote.remote), ['for-each-ref', '--format=%(refname)'])).toBe(`refs/remotes/origin/${remote.prBranch}`);
  });

  it('runs two jobs at once on one cache, both to the end', { timeout: 60_000 }, async () => {
    const remote = await jobRemote();
    const context = await jobContext();
    const [one, two] = await Promise.all([
      runTaskJob(jobRequest(remote, fakeTask('task_001', {}, 'write one.txt 1')), context),
      runTaskJob(jobRequest(remote, fakeTask('task_002', {}, 'write two.txt 2')), context),
    ]);
    expect([one.status, two.status]).toEqual(['agent_done', 'agent_done']);
    expect(await remoteRef(remote, 'refs/heads/planwright/pr-1/task_001')).toBe(one.commit!.sha);
    expect(await remoteRef(remote, 'refs/heads/planwright/pr-1/task_002')).toBe(two.commit!.sha);
    expect(await readdir(join(context.cacheDir, 'worktrees'))).toEqual([]);
  });

  it('never takes a slot that another live worker sharing the cache holds', { timeout: 60_000 }, async () => {
    const remote = await jobRemote();
    const context = await jobContext({ atStop: () => {} });
    const request = jobRequest(remote, fakeTask('task_001', {}, 'write one.txt 1'));
    // Slot 0 taken by another process of this host that runs (this test's parent).
    const held = slotPrefix(context.cacheDir, remote, 0);
    await mkdir(join(context.cacheDir, 'worktrees'), { recursive: true });
    await writeFile(`${held}.lock`, `${hostname()} ${process.ppid} 0123456789ab`);
    const report = await runTaskJob(request, context);
    expect(await git(remote.remote, ['diff-tree', '--no-commit-id', '--name-only', '-r', report.commit!.sha])).toBe('one.txt');
    expect(readFileSync(`${held}.lock`, 'utf8')).toBe(`${hostname()} ${process.ppid} 0123456789ab`);
    expect(await readdir(join(context.cacheDir, 'worktrees'))).toEqual([basename(`${held}.lock`), basename(await slotFolder(context.cacheDir, remote, 1))]);
  });
});

describe('an aborted signal', () => {
  it('ends the agent (no process left), pushes nothing and cleans the worktree', { timeout: 60_000 }, async () => {
    const remote = await jobRemote();
    const controller = new AbortController();
    let pid = 0;
    let members: number[] = [];
    const abortOnceGrandchild = async () => {
      // The fake starts a grandchild (`sleep`) in its group: cancel once both are there.
      // Bounded: without a grandchild in 20 s the job is cancelled anyway and the members check below fails.
      for (const deadline = Date.now() + 20_000; members.length < 2 && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        members = await processGroupMembers(pid);
      }
      controller.abort();
    };
    const context = await jobContext({
      signal: controller.signal,
      onLine: (line) => {
        const started = / started \(pid (\d+)\)$/.exec(line);
        if (!started) return;
        pid = Number(started[1]);
        void abortOnceGrandchild();
      },
    });
    await expect(runTaskJob(jobRequest(remote, fakeTask('task_001', {}, 'hang')), context)).rejects.toMatchObject({
      name: 'JobInterruptedError',
      message: 'task_001: interrupted on worker w1 (the run was cancelled or the worker stopped)',
    });
    expect(pid).toBeGreaterThan(0);
    expect(members).toHaveLength(2);
    expect(members).toContain(pid);
    expect(members.filter(alive)).toEqual([]);
    expect(await processGroupMembers(pid)).toEqual([]);
    expect(await remoteRef(remote, 'refs/heads/planwright/pr-1/task_001')).toBe('');
    expect(await readdir(join(context.cacheDir, 'worktrees'))).toEqual([]);
    expect(await readdir(join(context.cacheDir, 'runs'))).toEqual([]);
  });
});
