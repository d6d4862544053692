import type { Redis } from 'ioredis';

/** Whether a watched Redis answers, as its client last saw it. */
export interface Reachability {
  /** The client failed to reach Redis and has not reached it since. */
  down(): boolean;
  /** Settles once Redis is down (at once when it is now). */
  whenDown(): Promise<void>;
}

/**
 * Says once when Redis becomes unreachable (`redis://h:p unreachable (ECONNREFUSED); retrying`) and once when
 * it is back, instead of an error per reconnect attempt. Also gives the client the error listener that keeps
 * an outage from crashing the process.
 */
export function watchReachability(client: Redis, display: string, say: (line: string) => void): Reachability {
  let down = false;
  const waiting = new Set<() => void>();
  client.on('error', (error: NodeJS.ErrnoException) => {
    if (down) return;
    down = true;
    say(`${display} unreachable (${error.code ?? error.message}); retrying`);
    for (const resolve of waiting) resolve();
    waiting.clear();
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    say(`${display} reachable again`);
  });
  return {
    down: () => down,
    whenDown: () => (down ? Promise.resolve() : new Promise<void>((resolve) => waiting.add(resolve))),
  };
}

/**
 * Closes gracefully (`close`: quit, so replies under way arrive) while Redis answers; if it is down, or goes
 * down before the close is over, drops the connections instead (`drop`), since a graceful close would wait
 * for a Redis that may never come back. Says which it did.
 */
export async function closeUnlessDown(reachability: Reachability, close: () => Promise<unknown>, drop: () => void): Promise<'closed' | 'dropped'> {
  // A close that fails (the connection broke under it) leaves reconnecting clients behind: dropped too.
  const closing = close().then(() => 'closed' as const, () => 'dropped' as const);
  const outcome = await Promise.race([closing, reachability.whenDown().then(() => 'dropped' as const)]);
  if (outcome === 'dropped') drop();
  return outcome;
}

/**
 * `work`, or a rejection naming Redis unreachable as soon as it is (at once when it is now): for what a
 * stopping run must not wait on, such as telling the workers to cancel. The work itself is left to settle.
 */
export function unlessDown<T>(reachability: Reachability, display: string, work: () => Promise<T>): Promise<T> {
  const unreachable = () => new Error(`${display} unreachable`);
  if (reachability.down()) return Promise.reject(unreachable());
  const running = work();
  running.catch(() => undefined);
  return Promise.race([running, reachability.whenDown().then(() => Promise.reject(unreachable()))]);
}

/** A no-op error listener for BullMQ's objects: their own connections retry; the watched client reports. */
export function ignoreErrors(emitter: { on(event: 'error', listener: (error: Error) => void): unknown }): void {
  emitter.on('error', () => {});
}
