import type { Task } from '@planwright/plan-schema';

/**
 * Whether two tasks may run at the same time. Two tasks of the same `domain` never may. A task without a
 * domain may run beside another only when both list their `expected_files` and no path is shared (a
 * folder shares its paths with the files under it): without a domain or a file list there is nothing to
 * show they will not write the same files.
 */
export function clash(a: Pick<Task, 'domain' | 'expected_files'>, b: Pick<Task, 'domain' | 'expected_files'>): boolean {
  if (a.domain && b.domain) return a.domain === b.domain;
  const filesA = (a.expected_files ?? []).map(normalize);
  const filesB = (b.expected_files ?? []).map(normalize);
  if (filesA.length === 0 || filesB.length === 0) return true;
  return filesA.some((fileA) => filesB.some((fileB) => overlaps(fileA, fileB)));
}

/** True when `task` clashes with none of the running tasks. */
export function canRunBeside(task: Task, running: Iterable<Task>): boolean {
  for (const other of running) if (clash(task, other)) return false;
  return true;
}

function normalize(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '');
}

function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}
