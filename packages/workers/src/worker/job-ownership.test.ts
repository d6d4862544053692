import { startRedis } from '@planwright/test-utils';
import { Queue, Worker, type Job } from 'bullmq';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Reachability } from '../queue/reachability.js';
import { jobOwnership } from './job-ownership.js';

const up: Reachability = { down: () => false, whenDown: () => new Promise(() => {}) };

/** A real BullMQ job, held by a worker until the test lets it go: its job and token. */
async function heldJob() {
  const redis = await startRedis();
  const connection = { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null };
  const queue = new Queue('ownership', { connection });
  let release!: () => void;
  const held = new Promise<{ job: Job; token: string }>((resolve) => {
    const worker = new Worker('ownership', (job, token) => {
      resolve({ job, token: token! });
      return new Promise<void>((done) => (release = done));
    }, { connection, lockDuration: 5000 });
    onTestFinished(async () => {
      release?.();
      await worker.close(true);
      await queue.close();
    });
  });
  await queue.add('task', {});
  return held;
}

describe('jobOwnership', () => {
  it('true while the lock is this worker\'s, false for a token that is not the lock\'s', async () => {
    const { job, token } = await heldJob();
    expect(await jobOwnership(job, token, 5000, up)()).toBe(true);
    expect(await jobOwnership(job, 'another-workers-token', 5000, up)()).toBe(false);
    // The check renewed the owner's lock, and the refused one did not take it.
    expect(await jobOwnership(job, token, 5000, up)()).toBe(true);
  });

  it('true without asking when Redis is down: the job goes on as it always did', async () => {
    const { job } = await heldJob();
    const down: Reachability = { down: () => true, whenDown: () => Promise.resolve() };
    expect(await jobOwnership(job, 'another-workers-token', 5000, down)()).toBe(true);
  });
});
