import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeTask, jobContext, jobRemote, jobRequest, remoteRef } from './job-test-kit.js';
import { mirrorPath } from './mirror.js';
import { runTaskJob } from './run-task-job.js';

/** Nothing of the job is left in the cache but the mirror: no worktree, no run folder, no local branch. */
async function expectCleaned(cacheDir: string, remote: string): Promise<void> {
  expect(await readdir(join(cacheDir, 'worktrees')).catch(() => [])).toEqual([]);
  expect(await readdir(join(cacheDir, 'runs')).catch(() => [])).toEqual([]);
  expect(await git(mirrorPath(cacheDir, remote), ['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toBe('');
}

describe('runTaskJob: a job that ends', () => {
  it('verifies, ends done, and pushes one commit on the base as the task branch and the attempt ref', async () => {
    const remote = await jobRemote();
    const context = await jobContext();
    const task = fakeTask('task_001', { title: 'Add one', verify: ['test -f one.txt'] }, 'write one.txt 1');
    const report = await runTaskJob(jobRequest(remote, task, { autoVerify: true }), context);
    expect(report).toMatchObject({ status: 'done', verified: true, resultStatus: 'completed', attempts: 1, reminders: 0, exitCode: 0 });
    expect(report.placement).toEqual({ host: 'test-host', worker: 'w1', attempt: 1 });
    expect(report.threadId).toMatch(/^fake-/);
    expect(report.results).toMatchObject({ task_id: 'task_001', status: 'completed' });
    expect(report.logTail).toContain('turn.completed');
    const attemptRef = 'refs/planwright/attempts/pr-1/task_001/1-w1';
    expect(report.commit).toEqual({ sha: expect.stringMatching(/^[0-9a-f]{40}$/), attemptRef });
    const sha = report.commit!.sha;
    expect(await remoteRef(remote, 'refs/heads/planwright/pr-1/task_001')).toBe(sha);
    expect(await remoteRef(remote, attemptRef)).toBe(sha);
    // One commit on top of the base, of the agent's file, with the task's message.
    expect(await git(remote.remote, ['rev-parse', `${sha}^`])).toBe(remote.baseSha);
    expect(await git(remote.remote, ['log', '-1', '--format=%s', sha])).toBe('task_001: Add one');
    expect(await git(remote.remote, ['diff-tree', '--no-commit-id', '--name-only', '-r', sha])).toBe('one.txt');
    await expectCleaned(context.cacheDir, remote.remote);
  });

  it("takes the worker machine's orchestrator.toml for its agents, never for where or on which branch the task runs", async () => {
    const remote = await jobRemote();
    const context = await jobContext();
    // This machine is a coordinator too: its config names a queue, a branch, and git set-up.
    await writeFile(join(context.env.CODEX_HOME!, 'orchestrator.toml'), 'executor = "redis://127.0.0.1:9/0"\ngit_branch = "elsewhere"\nensure_git = true\n');
    const report = await runTaskJob(jobRequest(remote, fakeTask('task_009', { verify: ['test -f nine.txt'] }, 'write nine.txt 9'), { autoVerify: true }), context);
    expect(report).toMatchObject({ status: 'done', verified: true });
    expect(await git(remote.remote, ['diff-tree', '--no-commit-id', '--name-only', '-r', report.commit!.sha])).toBe('nine.txt');
    expect(await git(remote.remote, ['branch', '--list', 'elsewhere'])).toBe('');
  });

  it('ends agent_done without auto-verify', async () => {
    const remote = await jobRemote();
    const context = await jobContext();
    const report = await runTaskJob(jobRequest(remote, fakeTask('task_002', { verify: ['false'] }, 'write two.txt 2')), context);
    expect(report).toMatchObject({ status: 'agent_done', verified: false });
    expect(await remoteRef(remote, 'refs/heads/planwright/pr-1/task_002')).toBe(report.commit!.sha);
  });

  it('reports a blocked task (verify fails, no retries) with its work pushed for a person to look at', async () => {
    const remote = await jobRemote();
    const context = await jobContext();
    const task = fakeTask('task_003', { verify: ['exit 4'] }, 'write three.txt 3');
    const report = await runTaskJob(jobRequest(remote, task, { autoVerify: true, retries: 0 }), context);
    expect(report).toMatchObject({ status: 'blocked', verified: false });
    expect(report.blockedReason).toMatch(/^verify_failed/);
    expect(await remoteRef(remote, 'refs/heads/planwright/pr-1/task_003')).toBe(report.commit!.sha);
    await expectCleaned(context.cacheDir, remote.remote);
  });

  it('pushes nothing when the agent changed nothing', async () => {
    const remote = await jobRemote();
    const report = await runTaskJob(jobRequest(remote, fakeTask('task_004', {})), await jobContext());
    expect(report.status).toBe('agent_done');
    expect(report.commit).toBeUndefined();
    expect(await remoteRef(remote, 'refs/heads/planwright/pr-1/task_004')).toBe('');
  });

  it('commits as the fixed worker identity on a machine with none, and as the machine configures otherwise', { timeout: 60_000 }, async () => {
    const remote = await jobRemote();
    const context = await jobContext();
    const { GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL, GIT_COMMITTER_NAME, GIT_COMMITTER_EMAIL, ...bare } = context.env;
    const report = await runTaskJob(jobRequest(remote, fakeTask('task_005', {}, 'write five.txt 5')), { ...context, env: bare });
    expect(await git(remote.remote, ['log', '-1', '--format=%an <%ae> / %cn <%ce>', report.commit!.sha])).toBe(
      'planwright worker <worker@planwright.invalid> / planwright worker <worker@planwright.invalid>',
    );
    const configured = await runTaskJob(jobRequest(remote, fakeTask('task_006', {}, 'write six.txt 6')), context);
    expect(await git(remote.remote, ['log', '-1', '--format=%an <%ae>', configured.commit!.sha])).toBe(`${GIT_AUTHOR_NAME} <${GIT_AUTHOR_EMAIL}>`);
    expect([GIT_COMMITTER_NAME, GIT_COMMITTER_EMAIL]).not.toContain(undefined);
  });
});

describe('runTaskJob: jobs it refuses or cannot run', () => {
  it('refuses a repository not on --allow-repo before fetching anything', async () => {
    const remote = await jobRemote();
    const context = await jobContext({ allowRepos: ['https://git.example/other.git'] });
    await expect(runTaskJob(jobRequest(remote, fakeTask('task_001', {})), context)).rejects.toMatchObject({
      name: 'RepoNotAllowedError',
      message: `worker w1 refuses the job for ${remote.remote}: the repository is not on its --allow-repo list`,
      hint: `start the worker with --allow-repo ${remote.remote}`,
    });
    expect(await readdir(context.cacheDir)).toEqual([]);
  });

  it('takes a repository on --allow-repo in another spelling', async () => {
    const remote = await jobRemote();
    const context = await jobContext({ allowRepos: [`${remote.remote.replace(/\.git$/, '')}/`] });
    expect((await runTaskJob(jobRequest(remote, fakeTask('task_001', {})), context)).status).toBe('agent_done');
  });

  it('fails with a clear error when the base commit is not on the remote, and cleans up', async () => {
    const remote = await jobRemote();
    await git(remote.checkout, ['commit', '--quiet', '--allow-empty', '-m', 'never pushed']);
    const unpushed = await git(remote.checkout, ['rev-parse', 'HEAD']);
    const context = await jobContext();
    await expect(runTaskJob({ ...jobRequest(remote, fakeTask('task_001', {})), baseSha: unpushed }, context)).rejects.toMatchObject({
      name: 'BaseCommitMissingError',
      message: `the base commit ${unpushed} is not on pr/pr-1 of ${remote.remote}`,
    });
    expect(existsSync(join(context.cacheDir, 'worktrees'))).toBe(false);
  });

  it('refuses job fields that cannot name folders and refs', async () => {
    const remote = await jobRemote();
    const context = await jobContext();
    await expect(runTaskJob({ ...jobRequest(remote, fakeTask('task_001', {})), pr: '../x' }, context)).rejects.toMatchObject({
      name: 'BadJobError',
      message: 'job field pr: "../x" is not a file-name-safe token',
    });
    await expect(runTaskJob({ ...jobRequest(remote, fakeTask('task_001', {})), prBranch: 'pr/x:refs/heads/main' }, context)).rejects.toMatchObject({
      name: 'BadJobError',
      message: 'job field prBranch: "pr/x:refs/heads/main" is not a branch name',
    });
    await expect(runTaskJob({ ...jobRequest(remote, fakeTask('task_001', {})), remote: '--upload-pack=touch pwned' }, context)).rejects.toMatchObject({
      name: 'BadJobError',
      message: 'job field remote: "--upload-pack=touch pwned" is not a repository URL',
    });
    await expect(runTaskJob(jobRequest(remote, fakeTask('task_001', {}), { sandbox: 'none' }), context)).rejects.toMatchObject({
      name: 'BadJobError',
      message: expect.stringMatching(/^job field settings.sandbox: "none" is not one of read-only, /),
    });
    expect(await readdir(context.cacheDir)).toEqual([]);
  });
});
