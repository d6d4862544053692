import { Redis } from 'ioredis';
import { z } from 'zod';
import { parseQueueUrl } from '../queue/connection.js';
import { KEY_PREFIX, workerKey } from '../queue/names.js';

/** A job a worker runs now, as its registry entry lists it. */
export const RunningJobSchema = z.object({
  pr: z.string(),
  task: z.string(),
  runId: z.string(),
  attempt: z.number(),
  since: z.string(),
});

/** What a live worker says about itself in `planwright:workers:<name>`. */
export const WorkerInfoSchema = z.object({
  name: z.string(),
  host: z.string(),
  pid: z.number(),
  agents: z.array(z.string()),
  concurrency: z.number(),
  started: z.string(),
  running: z.array(RunningJobSchema),
});
export type WorkerInfo = z.infer<typeof WorkerInfoSchema>;
export type RunningJob = z.infer<typeof RunningJobSchema>;

/** The entry outlives a frozen or killed worker by this much, then Redis drops it. */
export const REGISTRY_TTL_MS = 15_000;

/** Writes the worker's entry now and every few seconds (with a TTL), until `stop` deletes it. */
export function keepRegistered(client: Redis, info: () => WorkerInfo): { refresh: () => void; stop: () => Promise<void>; forget: () => void } {
  const key = workerKey(info().name);
  const refresh = () => void client.set(key, JSON.stringify(info()), 'PX', REGISTRY_TTL_MS).catch(() => {});
  refresh();
  const timer = setInterval(refresh, REGISTRY_TTL_MS / 3);
  return {
    refresh,
    stop: async () => {
      clearInterval(timer);
      await client.del(key).catch(() => {});
    },
    /** Stops refreshing without deleting (Redis is gone): the entry expires by its TTL. */
    forget: () => clearInterval(timer),
  };
}

export interface ListWorkersOptions {
  /** The queue URL (`--queue`). */
  queue: string;
}

/**
 * The live workers (those whose entry has not expired) and what each runs, sorted by name.
 *
 * @example
 * for (const worker of await listWorkers({ queue: 'redis://127.0.0.1:6379' })) console.log(worker.name, worker.running);
 * await listWorkers('redis://127.0.0.1:6379'); // the same
 */
export async function listWorkers(options: ListWorkersOptions | string): Promise<WorkerInfo[]> {
  // The bare URL too: `listWorkers(url)` is how the design names it.
  const queue = typeof options === 'string' ? options : options.queue;
  const { options: connection } = parseQueueUrl(queue, { flag: '--queue' });
  // One try, no waiting out an outage: a listing should say the queue is unreachable, not hang.
  const client = new Redis({ ...connection, maxRetriesPerRequest: 1, retryStrategy: () => null, lazyConnect: true });
  // connect() rejects with "Connection is closed"; the error event has the reason (ECONNREFUSED, auth).
  let reason: Error | undefined;
  client.on('error', (error) => (reason ??= error));
  try {
    await client.connect().catch((error: Error) => {
      throw reason ?? error;
    });
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await client.scan(cursor, 'MATCH', `${KEY_PREFIX}:workers:*`, 'COUNT', 200);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
    const values = keys.length ? await client.mget(...keys) : [];
    return values
      .flatMap((text) => {
        const parsed = text ? WorkerInfoSchema.safeParse(JSON.parse(text)) : undefined;
        return parsed?.success ? [parsed.data] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  } finally {
    client.disconnect();
  }
}
