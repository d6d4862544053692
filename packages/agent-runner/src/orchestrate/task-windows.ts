import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runGit } from '@planwright/git-ops';
import { stringifyJson, writeFileAtomic, type Task } from '@planwright/plan-schema';
import { isProcessAlive } from '@planwright/run-store';
import type { NamedFiles } from './attribution.js';

/**
 * One task's time in a shared checkout: the tree before its agent started, the files it names, when it
 * started and ended. Kept as a small file in the checkout's git dir (`planwright-tasks/`), so that the
 * orchestrators of other PRs on the same checkout see it too.
 */
export interface TaskWindow extends NamedFiles {
  file: string;
  pid: number;
  /** The work tree snapshot (a git tree id) taken before the agent started. */
  before: string;
  /** Milliseconds since the epoch; `end` is null while the task runs. */
  start: number;
  end: number | null;
}

let last = 0;
/** Wall-clock milliseconds (comparable across processes), strictly increasing within this one. */
function now(): number {
  last = Math.max(Date.now(), last + 1);
  return last;
}

/** Opens a task's window: recorded before its agent starts. */
export async function openWindow(options: { codeDir: string; task: Task; before: string; env?: NodeJS.ProcessEnv }): Promise<TaskWindow> {
  const { stdout } = await runGit(['rev-parse', '--absolute-git-dir'], { cwd: options.codeDir, env: options.env });
  const dir = join(stdout.trim(), 'planwright-tasks');
  await mkdir(dir, { recursive: true });
  const start = now();
  const window: TaskWindow = { file: join(dir, `${process.pid}-${start}-${options.task.id}.json`), task_id: options.task.id, pid: process.pid, before: options.before, names: [...(options.task.expected_files ?? [])], start, end: null };
  await save(window);
  return window;
}

/** Adds files the task named later (its results' files_changed), for the tasks beside it to see. */
export async function nameFiles(window: TaskWindow, files: string[]): Promise<void> {
  if (files.length === 0) return;
  window.names.push(...files);
  await save(window);
}

/** Closes a task's window: tasks that start later did not run beside it. */
export async function closeWindow(window: TaskWindow | undefined): Promise<void> {
  if (!window || window.end !== null) return;
  window.end = now();
  await save(window);
}

/**
 * The other tasks, of any orchestrator on this checkout, whose window overlaps this one's so far. Windows
 * that can no longer overlap an open one, and open ones whose orchestrator is gone, are removed.
 */
export async function overlapping(window: TaskWindow): Promise<TaskWindow[]> {
  const dir = join(window.file, '..');
  const names = await readdir(dir).catch(() => [] as string[]);
  const all = (await Promise.all(names.filter((name) => name.endsWith('.json')).map((name) => load(join(dir, name))))).filter((entry) => entry !== undefined);
  const live = all.filter((entry) => entry.end !== null || isProcessAlive(entry.pid));
  const oldestOpen = Math.min(window.start, ...live.filter((entry) => entry.end === null).map((entry) => entry.start));
  for (const entry of all) {
    if (!live.includes(entry) || (entry.end !== null && entry.end < oldestOpen)) await rm(entry.file, { force: true });
  }
  const until = window.end ?? Number.POSITIVE_INFINITY;
  return live.filter((entry) => entry.file !== window.file && entry.start <= until && (entry.end ?? Number.POSITIVE_INFINITY) >= window.start);
}

async function save(window: TaskWindow): Promise<void> {
  const { task_id, pid, names, start, end } = window;
  await writeFileAtomic(window.file, stringifyJson({ task_id, pid, names, start, end }), { durable: false });
}

async function load(file: string): Promise<TaskWindow | undefined> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Omit<TaskWindow, 'file' | 'before'>;
    return { ...data, file, before: '' };
  } catch {
    return undefined; // Removed meanwhile, or half-written by a crash: nobody's claim.
  }
}
