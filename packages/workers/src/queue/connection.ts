import { UsageError } from '@planwright/cli-kit';
import type { RedisOptions } from 'ioredis';

/** ioredis options for BullMQ, parsed from a queue URL, with the URL to print (no password). */
export interface QueueConnection {
  options: RedisOptions;
  /** The URL without its password: for every message. */
  display: string;
}

export interface ParseQueueUrlOptions {
  /** The flag the URL came from, for the error (`--queue`, `--executor`). */
  flag?: string;
}

// Reconnect soon after a short outage, but never hammer a Redis that is down: at most every 2 s.
const retryStrategy = (times: number): number => Math.min(100 * 2 ** Math.min(times, 5), 2000);

/**
 * Parses `redis://[user][:password@]host[:port][/db]` or `rediss://…` (TLS) into ioredis options that BullMQ
 * accepts (`maxRetriesPerRequest: null`: a command waits out an outage instead of failing).
 * A bad URL is a UsageError naming the flag.
 *
 * @example
 * parseQueueUrl('redis://:secret@10.0.0.5:6380/2', { flag: '--queue' }).display; // 'redis://10.0.0.5:6380/2'
 */
export function parseQueueUrl(url: string, options: ParseQueueUrlOptions = {}): QueueConnection {
  const flag = options.flag ?? '--queue';
  const hint = 'use redis://[user][:password@]host[:port][/db] or rediss://… for TLS';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`${flag}: not a URL: ${redactUrl(url)}`, { hint });
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new UsageError(`${flag}: unsupported scheme ${parsed.protocol} in ${redactUrl(url)}`, { hint });
  }
  if (!parsed.hostname) throw new UsageError(`${flag}: no host in ${redactUrl(url)}`, { hint });
  const port = parsed.port ? Number(parsed.port) : 6379;
  const dbText = parsed.pathname.replace(/^\//, '');
  if (dbText !== '' && !/^\d+$/.test(dbText)) throw new UsageError(`${flag}: database "${dbText}" is not a number in ${redactUrl(url)}`, { hint });
  const connection: RedisOptions = {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    db: dbText === '' ? 0 : Number(dbText),
    maxRetriesPerRequest: null,
    retryStrategy,
  };
  if (parsed.username) connection.username = decodeURIComponent(parsed.username);
  if (parsed.password) connection.password = decodeURIComponent(parsed.password);
  if (parsed.protocol === 'rediss:') connection.tls = { servername: parsed.hostname };
  return { options: connection, display: redactUrl(url) };
}

/** The URL with its password removed (`redis://:secret@h:1` -> `redis://h:1`, a user name kept): safe to print. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^@/]*)@/i, (_, scheme: string, auth: string) => {
    const user = auth.split(':')[0];
    return user ? `${scheme}${user}@` : scheme;
  });
}
