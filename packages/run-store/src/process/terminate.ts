import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { RunStoreError } from '../errors.js';
import { errorCode } from '../fs-errors.js';
import { isProcessAlive, processGroupOf } from './alive.js';
import { hasProcFs, listProcStats } from './proc-stat.js';

export interface TerminateOptions {
  /** Time between TERM and KILL (default 4000 ms, the kit's --grace-seconds 4). */
  graceMs?: number;
  /** How long to wait for the processes to go after KILL (default 2000 ms). */
  killWaitMs?: number;
}

export interface TerminateResult {
  /** TERM was sent (something was running). */
  term: boolean;
  /** KILL was needed after the grace period. */
  killed: boolean;
  /** Nothing of the group is left. */
  gone: boolean;
}

/**
 * The live (not zombie) processes of a process group. Zombies have exited already; they wait only for
 * their parent (or init) to reap them, and no signal changes that.
 */
export async function processGroupMembers(pgid: number): Promise<number[]> {
  if (hasProcFs) return listProcStats().filter((p) => p.pgrp === pgid && p.state !== 'Z').map((p) => p.pid);
  const { stdout } = await execa('ps', ['-A', '-o', 'pid=,pgid=,stat='], { reject: false });
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, group, stat]) => Number(group) === pgid && !stat?.startsWith('Z'))
    .map(([pid]) => Number(pid));
}

/**
 * Ends a process group and nothing else: SIGTERM to -pgid, up to `graceMs` for every member to go, then
 * SIGKILL to -pgid and a short wait. Never signals by name, never this process's own group.
 *
 * @example
 * const { gone } = await terminateProcessGroup(agent.pgid, { graceMs: 4000 });
 */
export async function terminateProcessGroup(pgid: number, options: TerminateOptions = {}): Promise<TerminateResult> {
  await assertForeignGroup(pgid);
  const members = () => processGroupMembers(pgid);
  return terminate((signal) => process.kill(-pgid, signal), async () => (await members()).length === 0, options);
}

/**
 * Ends one process (TERM, grace, KILL), for an agent that does not lead its own group: signalling its
 * group would hit processes that are not the agent's.
 */
export async function terminateProcess(pid: number, options: TerminateOptions = {}): Promise<TerminateResult> {
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) {
    throw new RunStoreError(`refusing to signal pid ${pid}`, { hint: 'only an agent process can be ended' });
  }
  return terminate((signal) => process.kill(pid, signal), async () => !isProcessAlive(pid), options);
}

async function terminate(
  send: (signal: NodeJS.Signals) => void,
  isGone: () => Promise<boolean>,
  options: TerminateOptions,
): Promise<TerminateResult> {
  if (await isGone()) return { term: false, killed: false, gone: true };
  if (!signal(send, 'SIGTERM')) return { term: false, killed: false, gone: true };
  if (await waitUntil(isGone, options.graceMs ?? 4000)) return { term: true, killed: false, gone: true };
  signal(send, 'SIGKILL');
  return { term: true, killed: true, gone: await waitUntil(isGone, options.killWaitMs ?? 2000) };
}

/** Sends a signal; false when there was nothing left to receive it. */
function signal(send: (signal: NodeJS.Signals) => void, name: NodeJS.Signals): boolean {
  try {
    send(name);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ESRCH') return false;
    throw error;
  }
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  // Most processes are gone within a few milliseconds of TERM: look again soon, then less often.
  for (let pause = 1; ; pause = Math.min(25, pause * 2)) {
    if (await condition()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(Math.min(pause, Math.max(1, deadline - Date.now())));
  }
}

async function assertForeignGroup(pgid: number): Promise<void> {
  const own = await processGroupOf(process.pid);
  if (!Number.isInteger(pgid) || pgid <= 1 || pgid === own || pgid === process.pid) {
    throw new RunStoreError(`refusing to signal process group ${pgid}`, {
      hint: pgid === own ? 'it is the group of this very process' : 'not an agent process group',
    });
  }
}
