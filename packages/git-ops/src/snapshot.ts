import { randomBytes } from 'node:crypto';
import { copyFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { gitContext, runGit, type GitOptions } from './run-git.js';

export interface SnapshotOptions extends GitOptions {
  /** Folders or files to leave out (absolute, or relative to the repository root); outside it: ignored. */
  exclude?: string[];
}

/**
 * The whole work tree as a git tree id: tracked and untracked files, .gitignore respected, as they are
 * on disk now (not as committed or staged). Two snapshots compared with `changedBetween` say which
 * files changed in between, whoever changed them. Nothing of the repository's index, HEAD or work tree
 * changes: the files are added to a copy of the index (the copy keeps git's stat cache, so unchanged
 * files are not read again); their blobs go to the object store like any `git add`. Folders other tools
 * write to all the time (a plan folder, a run root) can be left out with `exclude`.
 *
 * @example
 * const before = await snapshotWorkTree({ cwd: repo });
 * // ... an agent works ...
 * const changed = await changedBetween({ cwd: repo, from: before, to: await snapshotWorkTree({ cwd: repo }) });
 */
export async function snapshotWorkTree(options: SnapshotOptions = {}): Promise<string> {
  const context = gitContext(options);
  const root = (await runGit(['rev-parse', '--show-toplevel'], context)).stdout.trim();
  const indexPath = (await runGit(['rev-parse', '--git-path', 'index'], { ...context, cwd: root })).stdout.trim();
  const index = isAbsolute(indexPath) ? indexPath : resolve(root, indexPath);
  const scratch = join(tmpdir(), `planwright-snapshot-${process.pid}-${randomBytes(4).toString('hex')}.index`);
  try {
    // No index yet (a repository without a commit or an add): the scratch one starts empty.
    await copyFile(index, scratch).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    const env = { ...options.env, GIT_INDEX_FILE: scratch };
    const exclude = (options.exclude ?? [])
      .map((path) => relative(root, resolve(root, path)))
      .filter((path) => path !== '' && !path.startsWith('..') && !isAbsolute(path))
      .map((path) => `:(exclude)${path}`);
    // A file that vanishes while git lists the tree (another tool's temp file) is skipped, not fatal: exit 1.
    await runGit(['add', '--all', '--ignore-errors', '--', '.', ...exclude], { cwd: root, env, okCodes: [1] });
    return (await runGit(['write-tree'], { cwd: root, env })).stdout.trim();
  } finally {
    await rm(scratch, { force: true });
    await rm(`${scratch}.lock`, { force: true });
  }
}

export interface ChangedBetweenOptions extends GitOptions {
  /** A tree (or commit) id: the earlier snapshot. */
  from: string;
  /** A tree (or commit) id: the later snapshot. */
  to: string;
}

/**
 * The files that differ between two snapshots (added, changed, deleted), relative to the repository
 * root, sorted. A rename counts as its old and its new path.
 */
export async function changedBetween(options: ChangedBetweenOptions): Promise<string[]> {
  if (options.from === options.to) return [];
  const { stdout } = await runGit(['diff-tree', '-r', '--name-only', '--no-renames', '-z', options.from, options.to], gitContext(options));
  return stdout.split('\0').filter(Boolean).sort();
}
