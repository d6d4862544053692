import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { NotFoundError } from '../errors.js';
import { UsageError } from '@planwright/cli-kit';
import { slugify } from '@planwright/plan-schema';

/** Where a command works: the repository root (`--repo`, default `.`), relative to `cwd`. */
export interface RepoOptions {
  /** Repository root (default `.`). */
  repo?: string;
  /** Folder that a relative `repo` starts from (default `process.cwd()`). */
  cwd?: string;
}

/** The OpenSpec folders of a repository, as absolute paths. */
export interface OpenspecLayout {
  root: string;
  openspec: string;
  projectMd: string;
  specs: string;
  changes: string;
  archive: string;
}

/** The files of one change folder. */
export interface ChangePaths {
  name: string;
  dir: string;
  proposal: string;
  tasks: string;
  design: string;
  specs: string;
}

export function openspecLayout(options: RepoOptions = {}): OpenspecLayout {
  const root = resolve(options.cwd ?? process.cwd(), options.repo ?? '.');
  const openspec = join(root, 'openspec');
  return {
    root,
    openspec,
    projectMd: join(openspec, 'project.md'),
    specs: join(openspec, 'specs'),
    changes: join(openspec, 'changes'),
    archive: join(openspec, 'archive'),
  };
}

export function changePaths(layout: OpenspecLayout, name: string): ChangePaths {
  return changePathsAt(join(layout.changes, name), name);
}

/** The files of a change folder anywhere (an archived change's too). */
export function changePathsAt(dir: string, name: string): ChangePaths {
  return {
    name,
    dir,
    proposal: join(dir, 'proposal.md'),
    tasks: join(dir, 'tasks.md'),
    design: join(dir, 'design.md'),
    specs: join(dir, 'specs'),
  };
}

/** The main spec of a capability: `openspec/specs/<capability>/spec.md`. */
export function mainSpecPath(layout: OpenspecLayout, capability: string): string {
  return join(layout.specs, capability, 'spec.md');
}

/** A path relative to the repository, with "/" separators: how files are named in output and plan.json. */
export function repoPath(layout: OpenspecLayout, file: string): string {
  return relative(layout.root, file).split(sep).join('/');
}

/**
 * The change named `name`: the folder as the user wrote it (upper case, unicode and all, as OpenSpec
 * takes it), else the kit's slug of it (`Add 2FA` -> `add-2fa`). A name that is not a single folder name,
 * or a missing folder, is a usage error, exit 2.
 */
export async function requireChange(layout: OpenspecLayout, name: string): Promise<ChangePaths> {
  const problem = folderNameProblem(name);
  if (problem !== undefined) {
    throw new UsageError(`change name ${JSON.stringify(name)}: ${problem}`, {
      hint: 'pass the name of a folder under openspec/changes/, as "specflow list" shows it',
    });
  }
  const asWritten = changePaths(layout, name);
  if (name !== 'archive' && (await isDirectory(asWritten.dir))) return asWritten;
  // The kit's rule, and its messages, when no folder has the name as written.
  const change = changePaths(layout, slugify(name));
  if (change.name === 'archive' || !(await isDirectory(change.dir))) {
    throw new NotFoundError(`${repoPath(layout, change.dir)}: no such change folder`, {
      hint: `create it with "specflow proposal ${change.name}", or see "specflow list"`,
    });
  }
  return change;
}

/** Why `name` cannot be one folder name (OpenSpec's rule: not empty, not `.`/`..`, no separators). */
export function folderNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'is empty';
  if (name === '.' || name === '..') return `must not be "${name}"`;
  if (/[\\/]/.test(name)) return 'must not contain "/" or "\\"';
  return undefined;
}

export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

export async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/** The repository's `openspec/` folder must exist: commands that read it say how to make it. */
export async function requireOpenspec(layout: OpenspecLayout): Promise<void> {
  if (!(await isDirectory(layout.openspec))) {
    throw new NotFoundError(`${layout.openspec}: no openspec/ folder here`, {
      hint: 'run "specflow init", or point --repo at the repository root',
    });
  }
}
