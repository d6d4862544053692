import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo, type CapturedIo } from '@planwright/cli-kit';
import { git, isolatedGitEnv, tempDir, tempGitRepo, writeFiles } from '@planwright/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './cli.js';

// The CLI runs git with the process environment, so the isolated git config goes there.
beforeEach(() => {
  for (const [key, value] of Object.entries(isolatedGitEnv())) vi.stubEnv(key, value);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function run(argv: string[]): Promise<{ code: number; io: CapturedIo }> {
  const io = captureIo();
  return { code: await main(argv, io), io };
}

/** Exactly one line on stderr, nothing on stdout: the shape of every CLI error. */
function expectOneErrorLine({ io }: { io: CapturedIo }, pattern: RegExp): void {
  expect(io.stdout).toBe('');
  expect(io.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(io.stderr.trimEnd()).toMatch(pattern);
}

describe('git-ops ensure', () => {
  it('creates the repository and the .gitignore block, then finds both in place', async () => {
    const dir = await realpath(await tempDir());
    const first = await run(['ensure', '--repo', dir]);
    expect(first.code).toBe(0);
    expect(first.io.stdout).toBe(`created a git repository in ${dir}\n${join(dir, '.gitignore')}: created with the planwright block\n`);
    const second = await run(['ensure', '--repo', dir, '--json']);
    expect(JSON.parse(second.io.stdout)).toEqual({
      root: dir,
      created: false,
      gitignore: { file: join(dir, '.gitignore'), action: 'unchanged', changed: false },
    });
  });

  it('leaves .gitignore alone with --no-gitignore', async () => {
    const dir = await tempDir();
    const { code, io } = await run(['ensure', '--repo', dir, '--no-gitignore']);
    expect(code).toBe(0);
    expect(io.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, '.gitignore'))).toBe(false);
  });
});

describe('git-ops baseline', () => {
  it('commits once, then says no baseline is needed', async () => {
    const repo = await tempGitRepo();
    await writeFiles(repo, { 'README.md': '# x\n' });
    const first = await run(['baseline', '--repo', repo, '--message', 'start']);
    expect(first.code).toBe(0);
    expect(first.io.stdout).toMatch(/^baseline commit [0-9a-f]{12} \(1 file\)\n$/);
    expect(await git(repo, ['log', '--format=%s'])).toBe('start');
    const second = await run(['baseline', '--repo', repo]);
    expect(second.io.stdout).toMatch(/^no baseline needed: the repository has commits \(HEAD [0-9a-f]{12}\)\n$/);
  });

  it('fails with one line and a hint on an empty tree', async () => {
    const repo = await tempGitRepo();
    const result = await run(['baseline', '--repo', repo]);
    expect(result.code).toBe(1);
    expectOneErrorLine(result, /^git-ops: nothing to commit in .*: the repository has no files .*\(add a file such as README.md/);
  });
});

describe('git-ops branch', () => {
  it('creates pr/<PR> and reports it, in words or JSON', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const { code, io } = await run(['branch', '--repo', repo, '--pr', 'pr-42']);
    expect(code).toBe(0);
    expect(io.stdout).toMatch(/^switched to pr\/pr-42 \(created at [0-9a-f]{12}, was on main\)\n$/);
    const json = await run(['branch', '--repo', repo, '--pr', 'pr-42', '--json']);
    expect(JSON.parse(json.io.stdout)).toMatchObject({ branch: 'pr/pr-42', action: 'current' });
  });

  it('replaces <PR_NAME> in --branch', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    await run(['branch', '--repo', repo, '--branch', 'feature/<PR_NAME>', '--pr', 'pr-7']);
    expect(await git(repo, ['branch', '--show-current'])).toBe('feature/pr-7');
  });

  it('exits 2 on a bad branch name and on a template without --pr', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const bad = await run(['branch', '--repo', repo, '--branch', 'a..b']);
    expect(bad.code).toBe(2);
    expectOneErrorLine(bad, /^git-ops: "a\.\.b" is not a valid git branch name \(/);
    const noPr = await run(['branch', '--repo', repo]);
    expect(noPr.code).toBe(2);
    expectOneErrorLine(noPr, /^git-ops: the branch name "pr\/<PR_NAME>" needs a PR name for <PR_NAME> \(pass --pr\)$/);
  });
});

describe('git-ops commit-task', () => {
  it('commits the given paths, then reports nothing to commit', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    await writeFiles(repo, { 'a.txt': 'a2', 'b.txt': 'b' });
    const first = await run(['commit-task', '--repo', repo, '--task', 'task_001', '--title', 'Edit a', '--path', 'a.txt']);
    expect(first.code).toBe(0);
    expect(first.io.stdout).toMatch(/^committed [0-9a-f]{12} "task_001: Edit a" \(1 file\)\n$/);
    expect(await git(repo, ['status', '--porcelain'])).toBe('?? b.txt');
    const again = await run(['commit-task', '--repo', repo, '--task', 'task_001', '--path', 'a.txt', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.io.stdout)).toEqual({ committed: false, message: 'task_001' });
  });

  it('takes several --path values and commits everything without one', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    await writeFiles(repo, { 'b.txt': 'b', 'c.txt': 'c', 'd.txt': 'd' });
    const some = await run(['commit-task', '--repo', repo, '--task', 't1', '--path', 'b.txt', '--path', 'c.txt', '--json']);
    expect(JSON.parse(some.io.stdout)).toMatchObject({ committed: true, files: ['b.txt', 'c.txt'] });
    const all = await run(['commit-task', '--repo', repo, '--task', 't2', '--json']);
    expect(JSON.parse(all.io.stdout)).toMatchObject({ committed: true, files: ['d.txt'] });
  });

  it('exits 2 without --task', async () => {
    const repo = await tempGitRepo({ files: { 'a.txt': 'a' } });
    const result = await run(['commit-task', '--repo', repo]);
    expect(result.code).toBe(2);
    expectOneErrorLine(result, /^git-ops: .*missing required argument: task.* \(see git-ops --help\)$/i);
  });
});

describe('git-ops usage', () => {
  it('exits 2 with one line on an unknown flag', async () => {
    const result = await run(['ensure', '--frobnicate']);
    expect(result.code).toBe(2);
    expectOneErrorLine(result, /^git-ops: .*frobnicate.* \(see git-ops --help\)$/i);
  });

  it('exits 2 without a command, and prints help for each command', async () => {
    expect((await run([])).code).toBe(2);
    const help = await run(['branch', '--help']);
    expect(help.code).toBe(0);
    expect(help.io.stdout).toMatch(/--branch +Branch name template +\[string\] \[default: "pr\/<PR_NAME>"\]/);
  });

  it('names a missing --repo folder with exit code 2', async () => {
    const missing = join(await tempDir(), 'nope');
    const result = await run(['baseline', '--repo', missing]);
    expect(result.code).toBe(2);
    expectOneErrorLine(result, new RegExp(`^git-ops: no such folder: ${missing} \\(check --repo\\)$`));
  });
});
