import { mkdir, readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { GitError } from './errors.js';
import { gitContext, runGit, type GitOptions } from './run-git.js';

export interface EnsureRepoOptions extends GitOptions {
  /** Branch name for a new repository (default: git's own, `init.defaultBranch`). */
  initialBranch?: string;
}

export interface EnsureRepoResult {
  /** The top folder of the repository (a parent of cwd when cwd is inside one). */
  root: string;
  /** True when this call ran `git init`. */
  created: boolean;
}

/**
 * Makes sure `cwd` is inside a git repository, running `git init` (and creating the folder) when not.
 *
 * @example
 * const { root, created } = await ensureRepo({ cwd: '/work/app' });
 */
export async function ensureRepo(options: EnsureRepoOptions = {}): Promise<EnsureRepoResult> {
  const context = gitContext(options);
  await mkdir(context.cwd, { recursive: true });
  const root = await findRoot(context);
  if (root !== undefined) return { root, created: false };
  const branch = options.initialBranch ? [`--initial-branch=${options.initialBranch}`] : [];
  await runGit(['init', '--quiet', ...branch], context);
  return { root: await repoRoot(options), created: true };
}

/** The top folder of the repository that holds `cwd`; a GitError when there is none. */
export async function repoRoot(options: GitOptions = {}): Promise<string> {
  return (await runGit(['rev-parse', '--show-toplevel'], gitContext(options))).stdout.trim();
}

/**
 * The commit HEAD points at, or null in a repository without commits. With an absolute `GIT_DIR` in
 * `env` whose HEAD is detached, read from its HEAD file, without a git process (a worker's worktree).
 */
export async function headSha(options: GitOptions = {}): Promise<string | null> {
  const detached = await detachedHead(options.env?.GIT_DIR);
  if (detached) return detached;
  const { stdout, exitCode } = await runGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
    ...gitContext(options),
    okCodes: [1],
  });
  return exitCode === 0 ? stdout.trim() : null;
}

/** The sha a detached HEAD file holds; undefined for anything else (a branch: git resolves it). */
async function detachedHead(gitDir: string | undefined): Promise<string | undefined> {
  if (!gitDir || !isAbsolute(gitDir)) return undefined;
  const head = (await readFile(join(gitDir, 'HEAD'), 'utf8').catch(() => '')).trim();
  return /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(head) ? head : undefined;
}

/** The checked-out branch (`main`), or null when HEAD is detached. */
export async function currentBranch(options: GitOptions = {}): Promise<string | null> {
  const { stdout, exitCode } = await runGit(['symbolic-ref', '--quiet', '--short', 'HEAD'], {
    ...gitContext(options),
    okCodes: [1],
  });
  return exitCode === 0 ? stdout.trim() : null;
}

/** True when `git status --porcelain` lists anything: staged, unstaged or untracked (not ignored). */
export async function isDirty(options: GitOptions = {}): Promise<boolean> {
  const { stdout } = await runGit(['status', '--porcelain', '--untracked-files=normal'], gitContext(options));
  return stdout.trim() !== '';
}

async function findRoot(context: ReturnType<typeof gitContext>): Promise<string | undefined> {
  try {
    return (await runGit(['rev-parse', '--show-toplevel'], context)).stdout.trim();
  } catch (error) {
    // Only "not a repository" means init; anything else (say, dubious ownership) must not be papered
    // over with a nested repository.
    if (error instanceof GitError && /not a git repository/.test(error.stderr)) return undefined;
    throw error;
  }
}
