import { UsageError, type CliIo } from '@planwright/cli-kit';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseQueueUrl } from '../queue/connection.js';
import { startWorker } from '../worker/start-worker.js';
import { stopOnSignals } from '../worker/stop-on-signals.js';
import { loadRunJob } from './load-run-job.js';

export interface WorkerArgs {
  queue: string;
  concurrency: number;
  cache?: string;
  agents: string;
  allowRepo: string[];
  name?: string;
  exitWhenIdle?: number;
}

const AGENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Shortens BullMQ's job lock (default 30 s): how soon a dead worker's job goes to another worker. */
export const LOCK_ENV = 'PLANWRIGHT_WORKER_LOCK_MS';

/**
 * The lock and stall-check settings from `PLANWRIGHT_WORKER_LOCK_MS` (none: BullMQ's 30 s each). Not a
 * flag: a lock shorter than a loaded machine's pauses hands a live worker's job on, so it is for test
 * clusters and fleets that measured it. The stall check runs three times per lock.
 */
export function lockSettings(env: NodeJS.ProcessEnv): { lockDurationMs?: number; stalledIntervalMs?: number } {
  const text = env[LOCK_ENV];
  if (text === undefined || text === '') return {};
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 500) {
    throw new UsageError(`${LOCK_ENV}: "${text}" is not a lock duration in milliseconds`, { hint: 'use a whole number, 500 or more, or unset it' });
  }
  return { lockDurationMs: ms, stalledIntervalMs: Math.max(200, Math.round(ms / 3)) };
}

/** `planwright worker`: checks the flags (exit 2 before anything starts), then serves until stopped. */
export async function runWorker(args: WorkerArgs, io: CliIo, runJob?: Awaited<ReturnType<typeof loadRunJob>>): Promise<number> {
  parseQueueUrl(args.queue, { flag: '--queue' });
  if (!Number.isInteger(args.concurrency) || args.concurrency < 1) {
    throw new UsageError(`--concurrency: ${args.concurrency} is not a whole number of jobs`, { hint: 'use 1 or more' });
  }
  const agents = args.agents.split(',').map((agent) => agent.trim()).filter(Boolean);
  const bad = agents.find((agent) => !AGENT_NAME.test(agent));
  if (agents.length === 0 || bad !== undefined) {
    throw new UsageError(`--agents: ${bad === undefined ? 'no agent named' : `"${bad}" is not an agent name`}`, { hint: 'e.g. --agents codex,claude' });
  }
  if (args.name !== undefined && !AGENT_NAME.test(args.name)) {
    throw new UsageError(`--name: "${args.name}" has characters a worker name cannot have`, { hint: 'letters, digits, _ . -' });
  }
  if (args.exitWhenIdle !== undefined && !(Number.isFinite(args.exitWhenIdle) && args.exitWhenIdle > 0)) {
    throw new UsageError(`--exit-when-idle: ${args.exitWhenIdle} is not a number of seconds`, { hint: 'e.g. --exit-when-idle 300; leave it out to run until stopped' });
  }
  const lock = lockSettings(process.env);
  const worker = await startWorker({
    queue: args.queue,
    concurrency: args.concurrency,
    agents,
    name: args.name,
    cacheDir: resolve(args.cache ?? join(homedir(), '.cache', 'planwright', 'worker')),
    allowRepos: args.allowRepo,
    ...lock,
    runJob: runJob ?? (await loadRunJob()),
    onLine: (line) => io.err(line),
  });
  await stopOnSignals(worker, (line) => io.err(line), { idleSeconds: args.exitWhenIdle });
  return 0;
}
