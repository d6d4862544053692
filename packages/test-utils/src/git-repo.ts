import { execa } from 'execa';
import { tempDir, writeFiles } from './temp-dir.js';

export interface TempGitRepoOptions {
  /** Files to write before the first commit. */
  files?: Record<string, string>;
  /** Make a first commit of `files` (default true when files are given). */
  commit?: boolean;
  /** Set user.name and user.email in the repo's own config (default true). */
  identity?: boolean;
  /** Name of the first branch (default `main`). */
  branch?: string;
}

/**
 * A temp folder with `git init` run in it, removed when the test finishes. Global and system git config
 * are ignored so a developer's own settings cannot change what a test sees.
 */
export async function tempGitRepo(options: TempGitRepoOptions = {}): Promise<string> {
  const dir = await tempDir('planwright-git-');
  await git(dir, ['init', '--quiet', `--initial-branch=${options.branch ?? 'main'}`]);
  if (options.identity ?? true) {
    await git(dir, ['config', 'user.name', 'Planwright Test']);
    await git(dir, ['config', 'user.email', 'test@planwright.invalid']);
  }
  if (options.files) await writeFiles(dir, options.files);
  if (options.commit ?? options.files !== undefined) {
    await git(dir, ['add', '--all']);
    await git(dir, ['commit', '--quiet', '--allow-empty', '-m', 'initial']);
  }
  return dir;
}

/** Runs git in `cwd` with the test environment and returns its trimmed stdout. */
export async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await execa('git', args, { cwd, env: isolatedGitEnv() });
  return stdout.trim();
}

/**
 * Environment that keeps git away from the developer's global and system config. Tests that run code
 * which calls git themselves pass it on too.
 */
export function isolatedGitEnv(): Record<string, string> {
  return {
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
  };
}
