import type { Redis } from 'ioredis';

/**
 * Says once when Redis becomes unreachable (`redis://h:p unreachable (ECONNREFUSED); retrying`) and once when
 * it is back, instead of an error per reconnect attempt. Also gives the client the error listener that keeps
 * an outage from crashing the process.
 */
export function watchReachability(client: Redis, display: string, say: (line: string) => void): void {
  let down = false;
  client.on('error', (error: NodeJS.ErrnoException) => {
    if (down) return;
    down = true;
    say(`${display} unreachable (${error.code ?? error.message}); retrying`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    say(`${display} reachable again`);
  });
}

/** A no-op error listener for BullMQ's objects: their own connections retry; the watched client reports. */
export function ignoreErrors(emitter: { on(event: 'error', listener: (error: Error) => void): unknown }): void {
  emitter.on('error', () => {});
}
