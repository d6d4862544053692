import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { git, tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeTask, jobContext, jobRemote, jobRequest, remoteRef, slotFolder, type JobRemote } from './job-test-kit.js';
import { mirrorPath } from './mirror.js';
import { runTaskJob } from './run-task-job.js';
import type { RunJobContext } from './run-job-type.js';

/** A remote whose PR branch ignores `build/`, as a project's build output is. */
async function remoteIgnoringBuild(): Promise<JobRemote> {
  const remote = await jobRemote();
  await writeFile(join(remote.checkout, '.gitignore'), 'build/\n');
  await git(remote.checkout, ['add', '.gitignore']);
  await git(remote.checkout, ['commit', '--quiet', '-m', 'ignore build output']);
  await git(remote.checkout, ['push', '--quiet', remote.remote, `HEAD:refs/heads/${remote.prBranch}`]);
  return { ...remote, baseSha: await git(remote.checkout, ['rev-parse', 'HEAD']) };
}

/** A worker's context: cleanups handed over (run by the test), and the work for its stop. */
async function workerContext(overrides: Partial<RunJobContext> = {}) {
  const cleanups: (() => Promise<void>)[] = [];
  const atStop = new Map<string, () => Promise<void>>();
  const context = await jobContext({ afterReport: (work) => void cleanups.push(work), atStop: (key, work) => void atStop.set(key, work), ...overrides });
  const stop = async () => {
    for (const work of atStop.values()) await work();
  };
  return { context, cleanups, stop };
}

describe('worktree slots in a worker', () => {
  it('the next job takes the slot its predecessor cleaned, in one git process, with nothing of that job in it; stop removes it', { timeout: 60_000 }, async () => {
    const remote = await remoteIgnoringBuild();
    const { context, cleanups, stop } = await workerContext();
    const first = await runTaskJob(jobRequest(remote, fakeTask('task_001', {}, 'write one.txt 1')), context);
    const slot = await slotFolder(context.cacheDir, remote, 0);
    // What a build leaves besides the commit: ignored output, a stray file.
    await mkdir(join(slot, 'build'));
    await writeFile(join(slot, 'build', 'out.log'), 'built\n');
    await writeFile(join(slot, 'stray.txt'), 'stray\n');
    await cleanups[0]!();
    const trace = join(await tempDir(), 'trace.txt');
    const second = await runTaskJob(jobRequest(remote, fakeTask('task_002', {}, 'write two.txt 2')), { ...context, env: { ...context.env, GIT_TRACE: trace } });
    // Its own commit's sha (read from the slot's HEAD), one commit on the base with its file only.
    expect(second.commit!.sha).not.toBe(first.commit!.sha);
    expect(await remoteRef(remote, 'refs/heads/planwright/pr-1/task_002')).toBe(second.commit!.sha);
    expect(await git(remote.remote, ['rev-parse', `${second.commit!.sha}^`])).toBe(remote.baseSha);
    expect(await git(remote.remote, ['diff-tree', '--no-commit-id', '--name-only', '-r', second.commit!.sha])).toBe('two.txt');
    // The same folder, taken with one checkout.
    expect(await slotFolder(context.cacheDir, remote, 0)).toBe(slot);
    expect((await readdir(slot)).sort()).toEqual(['.git', '.gitignore', 'README.md', 'two.txt']);
    const commands = readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes('built-in: git'));
    expect(commands.filter((line) => / git (--git-dir=\S+ --work-tree=\S+ )?checkout /.test(line))).toHaveLength(1);
    expect(commands.filter((line) => / git worktree /.test(line))).toEqual([]);
    await cleanups[1]!();
    expect(await readdir(join(context.cacheDir, 'worktrees'))).toEqual([basename(slot)]);
    await stop();
    expect(await readdir(join(context.cacheDir, 'worktrees'))).toEqual([]);
    const mirror = mirrorPath(context.cacheDir, remote.remote);
    expect(await git(mirror, ['worktree', 'list', '--porcelain'])).toBe(`worktree ${mirror}\nbare`);
    // No task branch is left in the mirror to be taken for work: the slots are detached.
    expect(await git(mirror, ['branch', '--list'])).toBe('');
  });

  it('two jobs at once take two slots, each given back for the next', { timeout: 60_000 }, async () => {
    const remote = await jobRemote();
    const { context, cleanups, stop } = await workerContext();
    const [one, two] = await Promise.all([
      runTaskJob(jobRequest(remote, fakeTask('task_001', {}, 'write one.txt 1')), context),
      runTaskJob(jobRequest(remote, fakeTask('task_002', {}, 'write two.txt 2')), context),
    ]);
    expect(await git(remote.remote, ['diff-tree', '--no-commit-id', '--name-only', '-r', one.commit!.sha])).toBe('one.txt');
    expect(await git(remote.remote, ['diff-tree', '--no-commit-id', '--name-only', '-r', two.commit!.sha])).toBe('two.txt');
    const slots = await Promise.all([0, 1].map(async (n) => basename(await slotFolder(context.cacheDir, remote, n))));
    const locks = [0, 1].map((n) => `${slots[n]!.replace(/\.[0-9a-f]+$/, '')}.lock`);
    expect((await readdir(join(context.cacheDir, 'worktrees'))).sort()).toEqual([...slots, ...locks].sort());
    await Promise.all(cleanups.map((cleanup) => cleanup()));
    expect((await readdir(join(context.cacheDir, 'worktrees'))).sort()).toEqual(slots.sort());
    await stop();
    expect(await readdir(join(context.cacheDir, 'worktrees'))).toEqual([]);
  });

  it('a slot whose .git file no longer names its git folder in the mirror is made anew (git would look upward)', { timeout: 60_000 }, async () => {
    const remote = await jobRemote();
    const { context, cleanups, stop } = await workerContext();
    await runTaskJob(jobRequest(remote, fakeTask('task_001', {}, 'write one.txt 1')), context);
    const slot = await slotFolder(context.cacheDir, remote, 0);
    await cleanups[0]!();
    await writeFile(join(slot, 'left.txt'), 'left\n');
    const gitFile = readFileSync(join(slot, '.git'), 'utf8');
    await writeFile(join(slot, '.git'), gitFile.replace('gitdir: ', 'gitdir: /nowhere'));
    const report = await runTaskJob(jobRequest(remote, fakeTask('task_002', {}, 'write two.txt 2')), context);
    expect(await git(remote.remote, ['diff-tree', '--no-commit-id', '--name-only', '-r', report.commit!.sha])).toBe('two.txt');
    expect(existsSync(slot)).toBe(false);
    expect(await slotFolder(context.cacheDir, remote, 0)).not.toBe(slot);
    await cleanups[1]!();
    await stop();
    expect(await readdir(join(context.cacheDir, 'worktrees'))).toEqual([]);
  });
});
