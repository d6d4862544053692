import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from 'bullmq';
import { unlessDown, type Reachability } from '../queue/reachability.js';

/** How long the check may take before the job is taken as still this worker's (a slow or cut-off Redis). */
const CHECK_MS = 3000;

/**
 * Whether the job is still this worker's, asked of Redis by renewing its lock: false once the lock went
 * to another worker (or lapsed: this worker was frozen or cut off past it, and the job was handed on).
 * When Redis cannot say (down, or no answer within 3 s) the answer is true: the job then goes on as it
 * always did, and the coordinator still integrates only the attempt whose report stands.
 */
export function jobOwnership(job: Job, token: string | undefined, lockMs: number, reachability: Reachability): () => Promise<boolean> {
  return async () => {
    if (token === undefined) return true;
    const renewed = unlessDown(reachability, 'Redis', () => job.extendLock(token, lockMs)).then((result) => Number(result) !== 0, () => true);
    return Promise.race([renewed, sleep(CHECK_MS, true, { ref: false })]);
  };
}
