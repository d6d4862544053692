import { isAbsolute, relative, resolve } from 'node:path';

/** A task's claim on files while it runs in the shared checkout (see task-windows.ts). */
export interface NamedFiles {
  task_id: string;
  /** The files it names: expected_files, then its results' files_changed (files, folders or globs). */
  names: string[];
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
  window: NamedFiles;
  others: NamedFiles[];
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
  const claims = options.others.map((other) => ({ taskId: other.task_id, names: other.names.map(toRoot) }));
  const result: Attribution = { mine: [], shared: [] };
  for (const file of options.changed) {
    if (excluded.some((dir) => within(file, dir))) continue;
    const claimedBy = claims.filter((claim) => claim.names.some((name) => matches(file, name))).map((claim) => claim.taskId);
    if (claimedBy.length === 0) result.mine.push(file);
    else if (own.some((name) => matches(file, name))) result.shared.push({ file, tasks: [options.window.task_id, ...claimedBy] });
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
