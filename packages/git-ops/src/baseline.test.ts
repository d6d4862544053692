import { git, isolatedGitEnv, tempGitRepo, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { baselineCommit } from './baseline.js';

const env = isolatedGitEnv();

describe('baselineCommit', () => {
  it('commits every file that is not ignored when the repository has no commit', async () => {
    const repo = await tempGitRepo();
    await writeFiles(repo, { 'README.md': '# app\n', 'src/a.ts': '', '.gitignore': 'tmp/\n', 'tmp/x': '' });
    const result = await baselineCommit({ cwd: repo, env });
    expect(result).toEqual({ committed: true, sha: await git(repo, ['rev-parse', 'HEAD']), files: 3, message: 'planwright: baseline' });
    expect(await git(repo, ['log', '--format=%s'])).toBe('planwright: baseline');
  });

  it('does nothing, and says so, when HEAD exists', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    await writeFiles(repo, { 'b.txt': 'b' });
    const head = await git(repo, ['rev-parse', 'HEAD']);
    expect(await baselineCommit({ cwd: repo, env, message: 'ignored' })).toEqual({ committed: false, reason: 'has-commits', sha: head });
    expect(await git(repo, ['rev-list', '--count', 'HEAD'])).toBe('1');
  });

  it('explains an empty tree instead of failing with git output, and commits it when allowed', async () => {
    const repo = await tempGitRepo();
    await expect(baselineCommit({ cwd: repo, env })).rejects.toMatchObject({
      name: 'PlanwrightError',
      exitCode: 1,
      message: `nothing to commit in ${repo}: the repository has no files (or all are ignored)`,
      hint: expect.stringContaining('README.md'),
    });
    expect(await baselineCommit({ cwd: repo, env, allowEmpty: true })).toMatchObject({ committed: true, files: 0 });
  });

  it('names the git config fix when no identity is configured', async () => {
    const repo = await tempGitRepo({ identity: false });
    // Without this git may make up root@hostname and succeed, depending on the machine.
    await git(repo, ['config', 'user.useConfigOnly', 'true']);
    await writeFiles(repo, { 'a.txt': 'a' });
    const noIdentityEnv = { ...env, GIT_AUTHOR_EMAIL: undefined, GIT_COMMITTER_EMAIL: undefined, EMAIL: undefined };
    const error = await baselineCommit({ cwd: repo, env: noIdentityEnv }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'GitError',
      exitCode: 1,
      args: ['commit', '--quiet', '--allow-empty', '-m', 'planwright: baseline'],
      gitExitCode: 128,
      message: expect.stringMatching(/^git commit failed in .*: no user identity \(user\.name, user\.email\) is configured/),
      hint: expect.stringContaining('git config user.email'),
    });
    expect((error as Error).message).not.toContain('\n');
  });
});
