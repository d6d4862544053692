import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { processExists } from '@planwright/cli-kit';

/**
 * Who holds a slot: `<host> <pid> <token>`. The token tells this process's own locks from those of an
 * earlier process that had the same pid (a container restarted on a kept cache), which are stale.
 */
const TOKEN = randomBytes(6).toString('hex');
const OWNER = `${hostname()} ${process.pid} ${TOKEN}`;

/** How a slot was taken: `free` (released by its last holder after its clean) or `taken-over` (its holder died mid-job). */
export type SlotTake = 'free' | 'taken-over';

/**
 * Takes the slot lock `<slot>.lock` when nobody alive holds it. Called only under the mirror's lock, so
 * two takers never race for one lock file (the exclusive create only guards against callers that skip it).
 */
export async function takeSlotLock(lockFile: string): Promise<SlotTake | undefined> {
  try {
    await writeFile(lockFile, OWNER, { flag: 'wx' });
    return 'free';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (holderAlive(await readFile(lockFile, 'utf8').catch(() => ''))) return undefined;
  await writeFile(lockFile, OWNER);
  return 'taken-over';
}

/** Gives the slot back: its lock file goes, unless another process took it over meanwhile (this one was thought dead). */
export async function releaseSlotLock(lockFile: string): Promise<void> {
  if ((await readFile(lockFile, 'utf8').catch(() => '')) === OWNER) await rm(lockFile, { force: true });
}

/**
 * True unless the holder is surely gone: a lock of this host whose pid is not running, or a pid that runs
 * but is this process without this process's token. A holder on another host (a cache on a shared disk)
 * cannot be checked and counts as alive. An empty or torn file was left by a crash mid-take.
 */
function holderAlive(text: string): boolean {
  const [host, pidText, token] = text.trim().split(' ');
  const pid = Number(pidText);
  if (!host || !Number.isInteger(pid) || pid <= 0) return false;
  if (host !== hostname()) return true;
  if (pid === process.pid) return token === TOKEN;
  return processExists(pid);
}
