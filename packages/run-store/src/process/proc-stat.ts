import { readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/<pid>/stat that planwright needs (Linux). */
export interface ProcStat {
  pid: number;
  /** R, S, D, Z (zombie: exited, not reaped yet), T, ... */
  state: string;
  ppid: number;
  pgrp: number;
  /** Start time in clock ticks since boot. */
  startTicks: number;
}

/** True where /proc describes processes (Linux). */
export const hasProcFs = process.platform === 'linux';

/** Reads /proc/<pid>/stat; undefined when the process is gone or there is no /proc. */
export function readProcStat(pid: number): ProcStat | undefined {
  if (!hasProcFs) return undefined;
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name may hold spaces and parentheses: the fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return {
    pid,
    state: fields[0] ?? '?',
    ppid: Number(fields[1]),
    pgrp: Number(fields[2]),
    startTicks: Number(fields[19]),
  };
}

/** Every process /proc lists (Linux). */
export function listProcStats(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcStat(Number(name));
    if (stat) out.push(stat);
  }
  return out;
}

/** The boot time from /proc/stat, in ms since the epoch (Linux). */
export function bootTimeMs(): number | undefined {
  try {
    const match = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    return match ? Number(match[1]) * 1000 : undefined;
  } catch {
    return undefined;
  }
}
