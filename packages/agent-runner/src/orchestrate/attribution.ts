import { isAbsolute, relative, resolve } from 'node:path';
import type { Task } from '@planwright/plan-schema';

/**
 * One task's time in the shared checkout: the tree before its agent started, and the files it names
 * (expected_files; then its results' files_changed). Only order matters, so times are a counter.
 */
export interface TaskWindow {
  taskId: string;
  /** The work tree snapshot (a git tree id) taken before the agent started. */
  before: string;
  names: string[];
  start: number;
  end?: number;
}

// The windows of each run, keyed by the run's own object so that a run's ledger goes with it.
const ledgers = new WeakMap<object, TaskWindow[]>();
let clock = 0;

/** Opens a task's window in its run's ledger. */
export function openWindow(run: object, task: Task, before: string): TaskWindow {
  const window: TaskWindow = { taskId: task.id, before, names: [...(task.expected_files ?? [])], start: ++clock };
  const ledger = ledgers.get(run) ?? [];
  ledger.push(window);
  ledgers.set(run, ledger);
  return window;
}

/** Closes a task's window: tasks that start later no longer ran beside it. */
export function closeWindow(window: TaskWindow | undefined): void {
  if (window && window.end === undefined) window.end = ++clock;
}

/** The other tasks of the run whose window overlapped this one's, up to now. */
export function overlapping(run: object, window: TaskWindow): TaskWindow[] {
  const until = window.end ?? Number.POSITIVE_INFINITY;
  return (ledgers.get(run) ?? []).filter((other) => other !== window && other.start < until && (other.end ?? Number.POSITIVE_INFINITY) > window.start);
}

/** Whose a changed file is, for the commit of one task. */
export interface Attribution {
  /** Files for this task's commit. */
  mine: string[];
  /** Files this task and another task running beside it both name: no commit takes them; reported. */
  shared: { file: string; tasks: string[] }[];
}

export interface AttributeOptions {
  /** Files changed while the task ran, relative to the repository root. */
  changed: string[];
  window: TaskWindow;
  others: TaskWindow[];
  /** Absolute repository root, and the folder the task's names are relative to. */
  root: string;
  codeDir: string;
  /** Absolute folders that are never a task's work (the plan folder, the run root). */
  excluded: string[];
}

/**
 * Splits the files changed while a task ran: those another task running beside it names are that task's
 * (and, when this task names them too, nobody's: reported), the rest — its own and stray files, such as
 * a test the agent added — are this task's. With one task at a time, that is everything it changed.
 */
export function attribute(options: AttributeOptions): Attribution {
  const excluded = options.excluded.map((dir) => relative(options.root, dir)).filter((dir) => dir !== '' && !dir.startsWith('..') && !isAbsolute(dir));
  const toRoot = (name: string) => relative(options.root, resolve(options.codeDir, name));
  const own = options.window.names.map(toRoot);
  const claims = options.others.map((other) => ({ taskId: other.taskId, names: other.names.map(toRoot) }));
  const result: Attribution = { mine: [], shared: [] };
  for (const file of options.changed) {
    if (excluded.some((dir) => within(file, dir))) continue;
    const claimedBy = claims.filter((claim) => claim.names.some((name) => matches(file, name))).map((claim) => claim.taskId);
    if (claimedBy.length === 0) result.mine.push(file);
    else if (own.some((name) => matches(file, name))) result.shared.push({ file, tasks: [options.window.taskId, ...claimedBy] });
  }
  return result;
}

function within(file: string, dir: string): boolean {
  return file === dir || file.startsWith(`${dir}/`);
}

/** A name is a file, a folder (everything under it) or a glob (`*`, `**`, `?`). */
function matches(file: string, name: string): boolean {
  const clean = name.replace(/\/+$/, '');
  if (!/[*?]/.test(clean)) return within(file, clean);
  const pattern = clean
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '**' ? '.*' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}(?:/.*)?$`).test(file);
}
