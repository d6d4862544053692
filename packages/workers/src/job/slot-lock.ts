import { readFile, rm, writeFile } from 'node:fs/promises';
import { OWNER_MARK, ownerAlive } from './owner-mark.js';

/** How a slot was taken: `free` (released by its last holder after its clean) or `taken-over` (its holder died mid-job). */
export type SlotTake = 'free' | 'taken-over';

/**
 * Takes the slot lock `<slot>.lock` when nobody alive holds it. Called only under the mirror's lock, so
 * two takers never race for one lock file (the exclusive create only guards against callers that skip it).
 */
export async function takeSlotLock(lockFile: string): Promise<SlotTake | undefined> {
  try {
    await writeFile(lockFile, OWNER_MARK, { flag: 'wx' });
    return 'free';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (ownerAlive(await readFile(lockFile, 'utf8').catch(() => ''))) return undefined;
  await writeFile(lockFile, OWNER_MARK);
  return 'taken-over';
}

/** Gives the slot back: its lock file goes, unless another process took it over meanwhile (this one was thought dead). */
export async function releaseSlotLock(lockFile: string): Promise<void> {
  if ((await readFile(lockFile, 'utf8').catch(() => '')) === OWNER_MARK) await rm(lockFile, { force: true });
}
