import { randomBytes } from 'node:crypto';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `YYYYmmdd-HHMMSS` in local time, the stamp the Python kit puts in run folder names and run ids. */
export function runStamp(now: Date = new Date()): string {
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  return `${date}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

/**
 * The id of one orchestrator invocation, `YYYYmmdd-HHMMSS-<pid>-<4 hex>`. It differs from the run folder's
 * name so that a reused folder never mistakes an earlier invocation's results for this one's.
 *
 * @example
 * newInvocationRunId(); // '20261124-101500-4242-ab12'
 */
export function newInvocationRunId(now: Date = new Date()): string {
  return `${runStamp(now)}-${process.pid}-${randomBytes(2).toString('hex')}`;
}

/** The name of a new run folder, `YYYYmmdd-HHMMSS-<pid>`. */
export function newRunDirName(now: Date = new Date()): string {
  return `${runStamp(now)}-${process.pid}`;
}

const RUN_ID = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d+)(?:-[0-9A-Za-z]+)*$/;

/** The parts of a run id or run folder name: its local time and the orchestrator's pid. */
export interface ParsedRunId {
  at: Date;
  pid: number;
}

/** Reads a run id or run folder name; undefined for names not in the kit's format. */
export function parseRunId(id: string): ParsedRunId | undefined {
  const match = RUN_ID.exec(id);
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds, pid] = match.slice(1).map(Number) as number[];
  return { at: new Date(year!, month! - 1, day!, hours, minutes, seconds), pid: pid! };
}

/**
 * Orders run ids and folder names oldest first. The stamps sort as text; within one second the names
 * sort as text too, like the kit's `sorted()`, so every tool agrees on which run is the newest.
 */
export function compareRunIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
