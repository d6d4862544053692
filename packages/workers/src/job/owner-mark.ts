import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { processExists } from '@planwright/cli-kit';

/**
 * What a worker process writes into the files that say a part of the cache is its own (a worktree slot's
 * lock, a job folder's owner file): `<host> <pid> <token>`. The token tells this process's own marks from
 * those of an earlier process that had the same pid (a container restarted on a kept cache), which are stale.
 */
export const OWNER_MARK = `${hostname()} ${process.pid} ${randomBytes(6).toString('hex')}`;

/**
 * True unless the process that wrote `mark` is surely gone: a mark of this host whose pid is not running,
 * or this process's pid without its token. A mark of another host (a cache on a shared disk) cannot be
 * checked and counts as alive. An empty or torn mark was left by a crash mid-write: gone.
 */
export function ownerAlive(mark: string): boolean {
  const { host, pid, token } = readMark(mark);
  if (!host || !Number.isInteger(pid) || pid <= 0) return false;
  if (host !== hostname()) return true;
  if (pid === process.pid) return `${host} ${pid} ${token}` === OWNER_MARK;
  return processExists(pid);
}

/** The process a mark names, for messages: `<host> pid <pid>`. */
export function markOwner(mark: string): string {
  const { host, pid } = readMark(mark);
  return `${host} pid ${pid}`;
}

function readMark(mark: string): { host: string | undefined; pid: number; token: string | undefined } {
  const [host, pidText, token] = mark.trim().split(' ');
  return { host, pid: Number(pidText), token };
}
