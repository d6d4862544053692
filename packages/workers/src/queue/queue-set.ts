import { Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { ignoreErrors } from './reachability.js';

/** The Queue and QueueEvents of each agent queue the executor used, made on first use and closed together. */
export class QueueSet {
  readonly #connection: ConnectionOptions;
  readonly #queues = new Map<string, Queue>();
  readonly #events = new Map<string, Promise<QueueEvents>>();
  // The same QueueEvents, ready or not: a disconnect must reach those still waiting for Redis too.
  readonly #made = new Set<QueueEvents>();

  constructor(connection: RedisOptions) {
    // ioredis' options type is narrower than BullMQ's copy of it; the object is what BullMQ passes to ioredis.
    this.#connection = connection as ConnectionOptions;
  }

  queue(name: string): Queue {
    let queue = this.#queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.#connection });
      ignoreErrors(queue);
      this.#queues.set(name, queue);
    }
    return queue;
  }

  /** The queue's event stream, ready (listening) before the caller adds a job, so no end is missed. */
  events(name: string): Promise<QueueEvents> {
    let events = this.#events.get(name);
    if (!events) {
      const made = new QueueEvents(name, { connection: this.#connection });
      made.setMaxListeners(0);
      ignoreErrors(made);
      this.#made.add(made);
      events = made.waitUntilReady().then(() => made);
      this.#events.set(name, events);
    }
    return events;
  }

  /** Drops every connection at once (Redis is gone: a close would wait for it). */
  disconnect(): void {
    for (const each of [...this.#made, ...this.#queues.values()]) void each.disconnect().catch(() => undefined);
  }

  async close(): Promise<void> {
    const events = await Promise.all(this.#events.values());
    await Promise.all([...events.map((each) => each.close()), ...[...this.#queues.values()].map((queue) => queue.close())]);
  }
}
