import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pruneWorktrees, runGit } from '@planwright/git-ops';

/** Slot `n` of a mirror in a cache: its lock file, and the prefix of its worktree folder's name. */
export interface SlotName {
  mirror: string;
  /** `<cache>/worktrees/<mirror name>.<n>.lock`. */
  lockFile: string;
  /** `<cache>/worktrees/<mirror name>.<n>`: the folder is this plus `.<6 hex>`. */
  prefix: string;
}

/** Slot `n` of `mirror` in `cacheDir`. */
export function slotName(cacheDir: string, mirror: string, n: number): SlotName {
  const prefix = join(resolve(cacheDir), 'worktrees', `${basename(mirror, '.git')}.${n}`);
  return { mirror, lockFile: `${prefix}.lock`, prefix };
}

/** The slot's worktree folders on disk (one, but a crash between making and removing may leave more). */
export async function slotFolders(slot: SlotName): Promise<string[]> {
  const start = `${basename(slot.prefix)}.`;
  const names = await readdir(dirname(slot.prefix)).catch(() => [] as string[]);
  return names.filter((name) => name.startsWith(start) && /^[0-9a-f]+$/.test(name.slice(start.length))).map((name) => join(dirname(slot.prefix), name));
}

/**
 * A new worktree for the slot at `baseSha`, the slot's earlier folders removed. Under a new name each
 * time: an agent orphaned by a worker killed mid-job may still write into the old folder, by its path,
 * and none of that may land in the next job's. Run under the mirror's lock (it writes into the mirror).
 */
export async function makeSlotWorktree(slot: SlotName, baseSha: string, env?: NodeJS.ProcessEnv): Promise<{ path: string; gitDir: string }> {
  await removeSlotFolders(slot, env);
  const path = `${slot.prefix}.${randomBytes(3).toString('hex')}`;
  await runGit(['worktree', 'add', '--quiet', '--detach', path, baseSha], { cwd: slot.mirror, env });
  const gitDir = await slotGitDir(slot.mirror, path);
  if (!gitDir) throw new Error(`git worktree add made no worktree at ${path}`);
  return { path, gitDir };
}

/** Removes the slot's folders and git's record of them (under the mirror's lock: it writes into the mirror). */
export async function removeSlotFolders(slot: SlotName, env?: NodeJS.ProcessEnv): Promise<void> {
  let prune = false;
  for (const path of await slotFolders(slot)) {
    // The usual case, one process: git removes the folder and its record; else the record is pruned.
    const removed = await runGit(['worktree', 'remove', '--force', path], { cwd: slot.mirror, env, okCodes: [128] });
    if (removed.exitCode === 0 && !existsSync(path)) continue;
    await rm(path, { recursive: true, force: true });
    prune = true;
  }
  if (prune) await pruneWorktrees({ cwd: slot.mirror, env });
}

/**
 * The worktree's git folder, when the worktree is whole: its `.git` file names a folder of the mirror's
 * worktrees that git still has (the last agent may have changed or removed the file).
 */
export async function slotGitDir(mirror: string, path: string): Promise<string | undefined> {
  const text = await readFile(join(path, '.git'), 'utf8').catch(() => '');
  const named = /^gitdir: (.+)$/m.exec(text)?.[1]?.trim();
  if (!named) return undefined;
  const gitDir = resolve(path, named);
  if (dirname(gitDir) !== join(resolve(mirror), 'worktrees')) return undefined;
  return existsSync(join(gitDir, 'HEAD')) && existsSync(join(gitDir, 'commondir')) ? gitDir : undefined;
}
