import { Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { ignoreErrors } from './reachability.js';

/** The Queue and QueueEvents of each agent queue the executor used, made on first use and closed together. */
export class QueueSet {
  readonly #connection: ConnectionOptions;
  readonly #queues = new Map<string, Queue>();
  // Each stream with the promise of its readiness: a disconnect reaches those still waiting for Redis too.
  readonly #events = new Map<string, { made: QueueEvents; ready: Promise<QueueEvents> }>();

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
      events = { made, ready: made.waitUntilReady().then(() => made) };
      this.#events.set(name, events);
    }
    return events.ready;
  }

  /** Drops every connection at once (Redis is gone: a close would wait for it). */
  disconnect(): void {
    const all = [...[...this.#events.values()].map((events) => events.made), ...this.#queues.values()];
    for (const each of all) void each.disconnect().catch(() => undefined);
  }

  async close(): Promise<void> {
    const events = await Promise.all([...this.#events.values()].map((each) => each.ready));
    await Promise.all([...events.map((each) => each.close()), ...[...this.#queues.values()].map((queue) => queue.close())]);
  }
}
