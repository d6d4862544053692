import { processExists } from '@planwright/cli-kit';
import { execa } from 'execa';
import { bootTimeMs, hasProcFs, readProcStat } from './proc-stat.js';

/**
 * True while a process with this pid exists and has not exited. EPERM (someone else's process) counts as
 * alive; a zombie (exited, not yet reaped) does not.
 */
export function isProcessAlive(pid: number): boolean {
  if (!processExists(pid)) return false;
  if (!hasProcFs) return true;
  // A zombie reaped between the two looks has no stat any more: gone too, not alive.
  const stat = readProcStat(pid);
  return stat !== undefined && stat.state !== 'Z';
}

let clockTicks: Promise<number> | undefined;

/** Clock ticks per second of /proc times (USER_HZ, 100 on every common Linux). Asked once. */
function ticksPerSecond(): Promise<number> {
  clockTicks ??= execa('getconf', ['CLK_TCK'], { reject: false }).then(({ stdout }) => Number(stdout.trim()) || 100, () => 100);
  return clockTicks;
}

/**
 * When a process started: /proc/<pid>/stat and the boot time on Linux, `ps -o lstart=` elsewhere.
 * Undefined when the process is gone. Compared with a recorded `started_at`, it tells a recycled pid
 * from the agent that had it.
 */
export async function processStartTime(pid: number): Promise<Date | undefined> {
  if (!isProcessAlive(pid)) return undefined;
  if (hasProcFs) {
    const stat = readProcStat(pid);
    const boot = bootTimeMs();
    if (!stat || boot === undefined) return undefined;
    return new Date(boot + (stat.startTicks * 1000) / (await ticksPerSecond()));
  }
  const { stdout, exitCode } = await execa('ps', ['-o', 'lstart=', '-p', String(pid)], { reject: false, env: { LC_ALL: 'C' } });
  const at = exitCode === 0 ? new Date(stdout.trim()) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
}

/** How far a recorded start time may be from the one the system reports (clock steps, rounding). */
export const START_TIME_TOLERANCE_MS = 30_000;

/**
 * True when `pid` is alive and is the process recorded as starting at `startedAt` (RFC 3339): a
 * process that started much later got the pid after ours ended. Without a recorded time, alive is enough.
 */
export async function isSameProcess(pid: number, startedAt: string | null | undefined): Promise<boolean> {
  if (!isProcessAlive(pid)) return false;
  const recorded = startedAt ? Date.parse(startedAt) : Number.NaN;
  if (Number.isNaN(recorded)) return true;
  const actual = await processStartTime(pid);
  return actual === undefined || Math.abs(actual.getTime() - recorded) <= START_TIME_TOLERANCE_MS;
}

/** The process group of a live process, or undefined when it is gone. */
export async function processGroupOf(pid: number): Promise<number | undefined> {
  if (!isProcessAlive(pid)) return undefined;
  if (hasProcFs) return readProcStat(pid)?.pgrp;
  const { stdout, exitCode } = await execa('ps', ['-o', 'pgid=', '-p', String(pid)], { reject: false });
  const pgid = Number(stdout.trim());
  return exitCode === 0 && Number.isInteger(pgid) && pgid > 0 ? pgid : undefined;
}
