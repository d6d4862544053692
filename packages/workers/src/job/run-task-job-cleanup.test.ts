import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { git, tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { deadPid, fakeTask, jobContext, jobRemote, jobRequest, slotFolder, slotPrefix } from './job-test-kit.js';
import { ensureMirror, mirrorPath } from './mirror.js';
import { runTaskJob } from './run-task-job.js';

describe('the cleanup after the report', () => {
  it('returns the report with the worktree still there; the cleanup handed to afterReport removes it, and a job of the same key waits for it', { timeout: 60_000 }, async () => {
    const remote = await jobRemote();
    const cleanups: (() => Promise<void>)[] = [];
    const context = await jobContext({ afterReport: (work) => void cleanups.push(work) });
    const request = jobRequest(remote, fakeTask('task_001', {}, 'write one.txt 1'));
    const report = await runTaskJob(request, context);
    expect(report.commit).toBeDefined();
    const worktree = await slotFolder(context.cacheDir, remote, 0);
    expect(existsSync(join(worktree, 'one.txt'))).toBe(true);
    expect(cleanups).toHaveLength(1);
    // The same attempt again before the cleanup ran: it must wait, not have its worktree removed under it.
    const again = runTaskJob(request, { ...context, placement: { ...context.placement, attempt: 2 }, afterReport: undefined });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(context.lines.filter((line) => / (mirrored|fetched|found) /.test(line))).toHaveLength(1);
    await cleanups[0]!();
    expect((await again).commit).toBeDefined();
    expect(await readdir(join(context.cacheDir, 'worktrees'))).toEqual([]);
    expect(await readdir(join(context.cacheDir, 'runs'))).toEqual([]);
    expect(await git(mirrorPath(context.cacheDir, remote.remote), ['branch', '--list'])).toBe('');
  });

  it('takes over the slot of a worker that died mid-job and makes it anew: none of its half work reaches the job', { timeout: 60_000 }, async () => {
    const remote = await jobRemote();
    const context = await jobContext();
    const request = jobRequest(remote, fakeTask('task_001', {}, 'write one.txt 1'));
    const { path } = await ensureMirror({ cacheDir: context.cacheDir, remote: remote.remote, prBranch: remote.prBranch, baseSha: remote.baseSha });
    // What a kill -9 leaves: the slot's lock naming the dead worker, its worktree with half work in it.
    const prefix = slotPrefix(context.cacheDir, remote, 0);
    const slot = `${prefix}.abc123`;
    await mkdir(join(context.cacheDir, 'worktrees'));
    await git(path, ['worktree', 'add', '--quiet', '--detach', slot, remote.baseSha]);
    await writeFile(join(slot, 'half.txt'), 'half work\n');
    await writeFile(join(slot, 'README.md'), 'half an edit\n');
    await writeFile(`${prefix}.lock`, `${hostname()} ${await deadPid()} 0123456789ab`);
    // As in a worker: the slot is kept after the job.
    const report = await runTaskJob(request, { ...context, atStop: () => {} });
    expect(context.lines.filter((line) => line.includes('could not'))).toEqual([]);
    expect(await git(remote.remote, ['diff-tree', '--no-commit-id', '--name-only', '-r', report.commit!.sha])).toBe('one.txt');
    // Made anew under another name: the dead worker's agent, orphaned, may still write into the old folder by its path.
    const made = await slotFolder(context.cacheDir, remote, 0);
    expect(made).not.toBe(slot);
    expect(await readdir(join(context.cacheDir, 'worktrees'))).toEqual([basename(made)]);
    expect(await git(path, ['worktree', 'list', '--porcelain'])).not.toContain(slot);
  });

  it('with PLANWRIGHT_TIMINGS, appends one line per job with its phases, the cleanup included', { timeout: 60_000 }, async () => {
    const remote = await jobRemote();
    const timings = join(await tempDir(), 'timings.jsonl');
    const base = await jobContext();
    const context = { ...base, env: { ...base.env, PLANWRIGHT_TIMINGS: timings } };
    await runTaskJob(jobRequest(remote, fakeTask('task_001', {}, 'write one.txt 1')), context);
    await runTaskJob(jobRequest(remote, fakeTask('task_002', {})), context);
    const lines = readFileSync(timings, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { task: string; phases: Record<string, number> });
    expect(lines.map((line) => line.task)).toEqual(['task_001', 'task_002']);
    expect(Object.keys(lines[0]!.phases)).toEqual(['mirror', 'worktree', 'plan', 'agent run', 'commit', 'push', 'report', 'cleanup']);
    // Nothing changed: nothing pushed, so no push phase.
    expect(Object.keys(lines[1]!.phases)).toEqual(['mirror', 'worktree', 'plan', 'agent run', 'commit', 'report', 'cleanup']);
  });
});
