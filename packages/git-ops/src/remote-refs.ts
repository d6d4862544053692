import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { DEFERRED_HOUSEKEEPING } from './housekeeping.js';
import { gitContext, runGit, type GitOptions } from './run-git.js';

export interface InitBareRepoOptions extends GitOptions {
  /** The folder of the bare repository (created with its parents when missing). */
  path: string;
}

/**
 * Creates a bare repository at `path` unless one is there already: a local cache of a remote that
 * worktrees are made from. Returns whether it was created. `git init --bare` on an existing repository
 * is harmless, but saying which happened lets callers report a reused cache.
 *
 * @example
 * const { created } = await initBareRepo({ path: '/var/cache/planwright/mirrors/ab12.git' });
 */
export async function initBareRepo(options: InitBareRepoOptions): Promise<{ path: string; created: boolean }> {
  const path = resolve(options.cwd ?? process.cwd(), options.path);
  await mkdir(path, { recursive: true });
  // --git-dir: never look upward, where an enclosing repository (or a stray /tmp/.git) would answer.
  const context = { cwd: path, env: options.env, okCodes: [128] };
  const { exitCode, stdout } = await runGit(['--git-dir=.', 'rev-parse', '--is-bare-repository'], context);
  if (exitCode === 0 && stdout.trim() === 'true') return { path, created: false };
  await runGit(['init', '--quiet', '--bare', path], { cwd: path, env: options.env });
  return { path, created: true };
}

/** True when the repository holds the commit `sha` (its objects, not necessarily a ref to it). */
export async function hasCommit(sha: string, options: GitOptions = {}): Promise<boolean> {
  const { exitCode } = await runGit(['cat-file', '-e', `${sha}^{commit}`], { ...gitContext(options), okCodes: [1, 128] });
  return exitCode === 0;
}

export interface TransferRefsOptions extends GitOptions {
  /** The other repository: a URL or a path (no remote name needs to be configured). */
  remote: string;
  /** Refspecs as git takes them (`+refs/heads/a:refs/remotes/origin/a`, `HEAD:refs/heads/b`). */
  refspecs: string[];
  /** Skip git's automatic housekeeping after a fetch (see DEFERRED_HOUSEKEEPING); the caller runs houseKeep later. */
  deferHousekeeping?: boolean;
}

/**
 * Fetches exactly the given refspecs from a remote (no tags, nothing else), so a later fetch of the same
 * branch transfers only the commits that are new.
 *
 * @example
 * await fetchRefs({ cwd: mirror, remote: 'https://git.example/app.git', refspecs: ['+refs/heads/pr/x:refs/remotes/origin/pr/x'] });
 */
export async function fetchRefs(options: TransferRefsOptions): Promise<void> {
  checkRemote(options.remote);
  const prefix = options.deferHousekeeping ? DEFERRED_HOUSEKEEPING : [];
  await runGit([...prefix, 'fetch', '--quiet', '--no-tags', '--no-write-fetch-head', options.remote, ...options.refspecs], gitContext(options));
}

/**
 * Pushes the refspecs to a remote in one atomic push: either every ref is updated or none is, so a
 * remote never holds half of what was meant to arrive together.
 *
 * @example
 * await pushRefs({ cwd: worktree, remote, refspecs: ['+HEAD:refs/heads/planwright/pr-1/task_001', 'HEAD:refs/planwright/attempts/pr-1/task_001/1-w1'] });
 */
export async function pushRefs(options: TransferRefsOptions): Promise<void> {
  checkRemote(options.remote);
  await runGit(['push', '--quiet', '--atomic', '--no-verify', options.remote, ...options.refspecs], gitContext(options));
}

/** Deletes a local branch whatever it holds (`git branch -D`); a missing branch is no error. Returns whether it existed. */
export async function deleteBranch(branch: string, options: GitOptions = {}): Promise<boolean> {
  const { exitCode } = await runGit(['branch', '--quiet', '-D', branch], { ...gitContext(options), okCodes: [1] });
  return exitCode === 0;
}

/** A remote that git would read as an option (`--upload-pack=...` runs a command): never passed on. */
function checkRemote(remote: string): void {
  if (remote.startsWith('-')) throw new UsageError(`remote ${JSON.stringify(remote)}: a repository URL or path cannot start with "-"`, { hint: 'give the URL of the repository' });
}
