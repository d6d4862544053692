import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runGit } from '@planwright/git-ops';
import { withMirrorLock } from './mirror.js';
import { makeSlotWorktree, removeSlotFolders, slotFolders, slotGitDir, slotName, type SlotName } from './slot-folders.js';
import { releaseSlotLock, takeSlotLock } from './slot-lock.js';

/** A worktree of a mirror that one job at a time uses, kept in the cache between jobs. */
export interface JobSlot extends SlotName {
  /** The worktree: `<cache>/worktrees/<mirror name>.<n>.<6 hex>`. */
  path: string;
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
 * from a job whose process died (its leftovers unknown, its agent maybe still running), is made anew.
 *
 * Detached rather than on the task branch: the push names the branch (`+HEAD:refs/heads/<task branch>`),
 * so the mirror keeps no task branches to clear, and two attempts of one task (a stalled job's first
 * worker came back) never move a shared ref under each other.
 */
export async function takeSlot(options: TakeSlotOptions): Promise<JobSlot> {
  const { mirror, baseSha, env } = options;
  const { slot, reusable } = await withMirrorLock(mirror, async () => {
    for (let n = 0; ; n++) {
      const name = slotName(options.cacheDir, mirror, n);
      await mkdir(dirname(name.lockFile), { recursive: true });
      const take = await takeSlotLock(name.lockFile);
      if (!take) continue;
      used.set(name.lockFile, name);
      const [path, ...more] = take === 'free' ? await slotFolders(name) : [];
      const gitDir = path && more.length === 0 ? await slotGitDir(mirror, path) : undefined;
      if (path && gitDir) return { slot: { ...name, path, gitDir }, reusable: true };
      return { slot: await settle(name, async () => ({ ...name, ...(await makeSlotWorktree(name, baseSha, env)) })), reusable: false };
    }
  });
  if (!reusable || (await checkedOut(slot, options))) return slot;
  return settle(slot, () => withMirrorLock(mirror, async () => ({ ...slot, ...(await makeSlotWorktree(slot, baseSha, env)) })));
}

/**
 * The slot's worktree put at the base by a forced checkout; false when that fails (the last agent broke
 * the worktree: its `.git` made a folder, say), for the slot to be made anew.
 */
async function checkedOut(slot: JobSlot, options: TakeSlotOptions): Promise<boolean> {
  try {
    // The `.git` file written again: the last agent may have changed it, and this job's agent uses it.
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
    if (!cleaned) await withMirrorLock(slot.mirror, () => removeSlotFolders(slot, options.env));
  } finally {
    await releaseSlotLock(slot.lockFile);
  }
}

/** The slots this process has used, by lock file: what its worker's stop removes. */
const used = new Map<string, SlotName>();

/**
 * Removes the worktrees of the slots this process has used, those no other process holds now (workers
 * sharing a cache hand slots on): what a worker's stop does once its jobs and cleanups are over. Never
 * throws: what cannot be removed is said through `onError`, and a later taker makes it anew.
 */
export async function removeUsedSlots(options: { env?: NodeJS.ProcessEnv; onError?: (message: string) => void } = {}): Promise<void> {
  for (const [lockFile, name] of used) {
    try {
      await withMirrorLock(name.mirror, async () => {
        if (!(await takeSlotLock(lockFile))) return;
        used.delete(lockFile);
        try {
          await removeSlotFolders(name, options.env);
        } finally {
          await releaseSlotLock(lockFile);
        }
      });
    } catch (error) {
      options.onError?.(`could not remove the worktree slot ${name.prefix}: ${(error as Error).message}`);
    }
  }
}

/** Runs `work`; when it throws, the slot's folders are removed and the slot given back, so that no half state is taken as clean. */
async function settle<T>(slot: SlotName, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    for (const path of await slotFolders(slot)) await rm(path, { recursive: true, force: true }).catch(() => undefined);
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
