import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';
import { PlanwrightError, processExists } from '@planwright/cli-kit';

export interface FileLockOptions {
  /** Give up after waiting this long for another holder (default 15 s). */
  timeoutMs?: number;
  /** A lock older than this is taken over even if its holder seems alive (default 60 s). */
  staleMs?: number;
}

/**
 * A lock file that names no holder (empty or torn) and is older than this was left by a crash: a holder
 * writes its name in the same step that creates the file, and versions before that wrote it right after.
 */
const UNNAMED_LOCK_GRACE_MS = 3_000;

interface LockOwner {
  pid: number;
  host: string;
  token: string;
  acquired_at: string;
}

/** Raised when a lock stays held by a live process for longer than the timeout. */
export class LockTimeoutError extends PlanwrightError {
  override name = 'LockTimeoutError';
}

/**
 * Runs `work` while holding `<target>.lock`, an exclusive lock shared by every planwright process.
 *
 * The lock is a file that names its holder, created exclusively with its content in one step (link). A
 * lock whose holder is gone (same host, pid no longer alive), that names no holder for a few seconds, or
 * that is older than `staleMs` is taken over, so a crashed or killed holder never wedges the plan. Taking over goes through a second exclusive file so that two waiters that both see a
 * stale lock cannot both take it.
 *
 * @example
 * await withFileLock('.plans/pr-1/plan.json', async () => { ...read, change, write... });
 */
export async function withFileLock<T>(
  target: string,
  work: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const lockFile = `${target}.lock`;
  const owner = await acquire(lockFile, options);
  const releaseOnExit = () => releaseSync(lockFile, owner.token);
  process.once('exit', releaseOnExit);
  try {
    return await work();
  } finally {
    process.removeListener('exit', releaseOnExit);
    await release(lockFile, owner.token);
  }
}

async function acquire(lockFile: string, options: FileLockOptions): Promise<LockOwner> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const staleMs = options.staleMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
    acquired_at: '',
  };
  for (let attempt = 0; ; attempt++) {
    owner.acquired_at = new Date().toISOString();
    if (await tryCreate(lockFile, JSON.stringify(owner))) return owner;
    const holder = await readHolder(lockFile);
    if (holder !== 'gone' && (await isStale(lockFile, holder, staleMs))) {
      await breakStaleLock(lockFile, holder, staleMs);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder && holder !== 'gone' ? ` by pid ${holder.pid} on ${holder.host}` : '';
      throw new LockTimeoutError(`${lockFile}: still locked${who} after ${timeoutMs} ms`, {
        hint: 'another planwright command is writing this plan; retry, or delete the lock file if no such process exists',
      });
    }
    await sleep(backoff(attempt));
  }
}

/**
 * Creates `file` holding `content`, or returns false if it exists. The content is written to a private
 * file first and hard-linked into place, so the lock file never exists empty: a holder killed at any
 * instant leaves either no lock or one that names it (an empty one would wedge every waiter until staleMs).
 */
async function tryCreate(file: string, content: string): Promise<boolean> {
  const draft = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(draft, content, { flag: 'wx' });
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: create exclusively, then write (the old, short window).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return createThenWrite(file, content);
    throw error;
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

async function createThenWrite(file: string, content: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The holder named in the lock file; null while the holder is still writing it; 'gone' if none. */
async function readHolder(file: string): Promise<LockOwner | null | 'gone'> {
  try {
    const text = await readFile(file, 'utf8');
    return JSON.parse(text) as LockOwner;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return null;
  }
}

async function isStale(file: string, holder: LockOwner | null, staleMs: number): Promise<boolean> {
  if (holder && holder.host === hostname() && !processExists(holder.pid)) return true;
  try {
    const age = Date.now() - (await stat(file)).mtimeMs;
    return age > (holder ? staleMs : Math.min(staleMs, UNNAMED_LOCK_GRACE_MS));
  } catch {
    return false;
  }
}

async function breakStaleLock(lockFile: string, seen: LockOwner | null, staleMs: number): Promise<void> {
  const guard = `${lockFile}.break`;
  if (!(await tryCreate(guard, String(process.pid)))) {
    // Someone else is breaking it. A guard left by a crash is itself stale after a short while.
    const guardAge = await stat(guard).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (guardAge > 5_000) await unlink(guard).catch(() => undefined);
    await sleep(5);
    return;
  }
  try {
    // Re-check under the guard: the lock may have been released and re-taken since we looked.
    const holder = await readHolder(lockFile);
    const same = holder !== 'gone' && (holder?.token ?? null) === (seen?.token ?? null);
    if (same && (await isStale(lockFile, holder, staleMs))) {
      await unlink(lockFile).catch(() => undefined);
      await removeDeadDrafts(lockFile);
    }
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

/** Drafts of holders killed between writing their draft and linking it (a rare, tiny window). */
async function removeDeadDrafts(lockFile: string): Promise<void> {
  const prefix = `${basename(lockFile)}.`;
  const names = await readdir(dirname(lockFile)).catch(() => [] as string[]);
  for (const name of names) {
    const pid = /^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length))?.[1];
    if (name.startsWith(prefix) && pid && !processExists(Number(pid))) await unlink(join(dirname(lockFile), name)).catch(() => undefined);
  }
}

async function release(lockFile: string, token: string): Promise<void> {
  const holder = await readHolder(lockFile);
  // Only remove our own lock: if it was taken over as stale, the file is someone else's now.
  if (holder && holder !== 'gone' && holder.token === token) await unlink(lockFile).catch(() => undefined);
}

function releaseSync(lockFile: string, token: string): void {
  try {
    const text = readFileSync(lockFile, 'utf8');
    if (text.includes(token)) unlinkSync(lockFile);
  } catch {
    // Nothing to release.
  }
}

function backoff(attempt: number): number {
  return Math.min(100, 4 * 1.5 ** attempt) * (0.5 + Math.random());
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
