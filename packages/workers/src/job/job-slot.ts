import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pruneWorktrees, runGit } from '@planwright/git-ops';
import { withMirrorLock } from './mirror.js';
import { releaseSlotLock, takeSlotLock } from './slot-lock.js';

/** A worktree of a mirror that one job at a time uses, kept in the cache between jobs. */
export interface JobSlot {
  mirror: string;
  /** `<cache>/worktrees/<mirror name>.<n>`. */
  path: string;
  /** `<path>.lock`: names the process whose job uses the slot. */
  lockFile: string;
  /** The worktree's own git folder in the mirror (`<mirror>/worktrees/<name>`): its HEAD, its index. */
  gitDir: string;
}

export interface TakeSlotOptions {
  cacheDir: string;
  mirror: string;
  baseSha: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * A slot nobody else uses, its worktree at the base commit (detached) and holding nothing of an earlier
 * job. The usual case is one git process: a slot its last job released was cleaned by that job
 * (`releaseSlot`), and a forced checkout puts back every tracked file. A slot never used, or taken over
 * from a job whose process died (its leftovers unknown), is made anew: folder removed, `worktree add`.
 *
 * Detached rather than on the task branch: the push names the branch (`+HEAD:refs/heads/<task branch>`),
 * so the mirror keeps no task branches to clear, and two attempts of one task (a stalled job's first
 * worker came back) never move a shared ref under each other.
 */
export async function takeSlot(options: TakeSlotOptions): Promise<JobSlot> {
  const prefix = join(resolve(options.cacheDir), 'worktrees', basename(options.mirror, '.git'));
  const { slot, reusable } = await withMirrorLock(options.mirror, async () => {
    await mkdir(dirname(prefix), { recursive: true });
    for (let n = 0; ; n++) {
      const path = `${prefix}.${n}`;
      const take = await takeSlotLock(`${path}.lock`);
      if (!take) continue;
      const slot = { mirror: options.mirror, path, lockFile: `${path}.lock`, gitDir: '' };
      used.set(slot.path, slot.mirror);
      const gitDir = take === 'free' ? await slotGitDir(slot) : undefined;
      if (gitDir) return { slot: { ...slot, gitDir }, reusable: true };
      return { slot: await settle(slot, () => makeAnew(slot, options)), reusable: false };
    }
  });
  if (!reusable || (await checkedOut(slot, options))) return slot;
  return settle(slot, () => withMirrorLock(options.mirror, () => makeAnew(slot, options)));
}

/**
 * The slot's worktree put at the base by a forced checkout; false when that fails (the last agent broke
 * the worktree: its `.git` made a folder, say), for the slot to be made anew.
 */
async function checkedOut(slot: JobSlot, options: TakeSlotOptions): Promise<boolean> {
  try {
    // The `.git` file written again: the last agent may have changed it, and the agent of this job uses it.
    await writeFile(join(slot.path, '.git'), `gitdir: ${slot.gitDir}\n`);
    return (await slotGit(slot, ['checkout', '--quiet', '--force', '--detach', options.baseSha], options.env, [128])).exitCode === 0;
  } catch {
    return false;
  }
}

/**
 * Gives the slot back after its job. `keep`: cleaned for the next job (untracked and ignored files
 * removed: the next job's checkout resets the tracked ones), or removed whole when cleaning fails; else
 * removed (a job run without a worker to stop leaves nothing in the cache).
 */
export async function releaseSlot(slot: JobSlot, options: { keep: boolean; env?: NodeJS.ProcessEnv }): Promise<void> {
  try {
    const cleaned = options.keep && (await slotGit(slot, ['clean', '-ffdxq'], options.env, [1, 128])).exitCode === 0;
    if (!cleaned) await removeSlotWorktree(slot, options.env);
  } finally {
    await releaseSlotLock(slot.lockFile);
  }
}

/** The slots this process has used (path to mirror): what its worker's stop removes. */
const used = new Map<string, string>();

/**
 * Removes the worktrees of the slots this process has used, those no other process has taken since
 * (workers sharing a cache hand slots on): what a worker's stop does once its jobs and cleanups are over.
 * Never throws: what cannot be removed is said through `onError`, and a later taker makes it anew.
 */
export async function removeUsedSlots(options: { env?: NodeJS.ProcessEnv; onError?: (message: string) => void } = {}): Promise<void> {
  for (const [path, mirror] of used) {
    const lockFile = `${path}.lock`;
    try {
      const taken = await withMirrorLock(mirror, () => takeSlotLock(lockFile));
      if (!taken) continue;
      used.delete(path);
      try {
        await removeSlotWorktree({ mirror, path }, options.env);
      } finally {
        await releaseSlotLock(lockFile);
      }
    } catch (error) {
      options.onError?.(`could not remove the worktree ${path}: ${(error as Error).message}`);
    }
  }
}

/** The slot's worktree and git's record of it gone (under the mirror lock: it writes into the mirror). */
export async function removeSlotWorktree(slot: Pick<JobSlot, 'mirror' | 'path'>, env?: NodeJS.ProcessEnv): Promise<void> {
  await withMirrorLock(slot.mirror, async () => {
    const removed = await runGit(['worktree', 'remove', '--force', slot.path], { cwd: slot.mirror, env, okCodes: [128] });
    if (removed.exitCode === 0 && !existsSync(slot.path)) return;
    await rm(slot.path, { recursive: true, force: true });
    await pruneWorktrees({ cwd: slot.mirror, env });
  });
}

async function makeAnew(slot: JobSlot, options: TakeSlotOptions): Promise<JobSlot> {
  await rm(slot.path, { recursive: true, force: true });
  // --force: git may still list the folder as a worktree whose folder went missing.
  await runGit(['worktree', 'add', '--quiet', '--force', '--detach', slot.path, options.baseSha], { cwd: options.mirror, env: options.env });
  const gitDir = await slotGitDir(slot);
  if (!gitDir) throw new Error(`git worktree add made no worktree at ${slot.path}`);
  return { ...slot, gitDir };
}

/** Runs `work`; when it throws, the slot is emptied and given back, so that no half state is taken as clean. */
async function settle<T>(slot: JobSlot, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await rm(slot.path, { recursive: true, force: true }).catch(() => undefined);
    await releaseSlotLock(slot.lockFile);
    throw error;
  }
}

/**
 * git on the slot with its git folder named: never the `.git` file in the worktree, which the last agent
 * could have changed or removed (git would then look upward and act on an enclosing repository).
 */
function slotGit(slot: JobSlot, args: string[], env: NodeJS.ProcessEnv | undefined, okCodes: number[]) {
  return runGit([`--git-dir=${slot.gitDir}`, `--work-tree=${slot.path}`, ...args], { cwd: slot.path, env, okCodes });
}

/** The slot's git folder, when its worktree is whole: its `.git` file names a folder of this mirror's worktrees that git still has. */
async function slotGitDir(slot: Pick<JobSlot, 'mirror' | 'path'>): Promise<string | undefined> {
  const text = await readFile(join(slot.path, '.git'), 'utf8').catch(() => '');
  const gitDir = /^gitdir: (.+)$/m.exec(text)?.[1]?.trim();
  if (!gitDir || dirname(resolve(slot.path, gitDir)) !== join(resolve(slot.mirror), 'worktrees')) return undefined;
  return existsSync(join(gitDir, 'HEAD')) && existsSync(join(gitDir, 'commondir')) ? resolve(slot.path, gitDir) : undefined;
}
