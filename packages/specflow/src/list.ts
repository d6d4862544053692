import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readTextIfExists } from './layout/read-text.js';
import { documentTitle, readChange, subfolders } from './change/read-change.js';
import { detectLayout } from './layout/openspec-layout.js';
import { changePaths, isFile, mainSpecPath, repoPath, requireOpenspec, type RepoOptions } from './layout/paths.js';
import { parseMainSpec, requirementNames } from './spec/parse-spec.js';
import { parseTasksMd } from './tasks/parse-tasks.js';
import { changeProgress } from './tasks/task-progress.js';

/** An active change with its progress: checked tasks of tasks.md, and the capabilities it changes. */
export interface ChangeSummary {
  name: string;
  /** Repository path of the change folder. */
  dir: string;
  title?: string;
  /** Checkboxes of tasks.md, counted as OpenSpec counts them (nested ones too). */
  tasks: { done: number; total: number };
  /** Capabilities with a delta spec in the change. */
  capabilities: string[];
}

/** An archived change: its folder under the layout's archive and its task progress when archived. */
export interface ArchivedSummary {
  /** The archive folder's name (`2026-12-06-add-2fa`, or the kit's `add-2fa-20261206-101500`). */
  name: string;
  dir: string;
  title?: string;
  tasks: { done: number; total: number };
}

/** A main spec and how many requirements it has. */
export interface SpecSummary {
  capability: string;
  file: string;
  title?: string;
  requirements: number;
}

/**
 * The active changes (`openspec/changes/*`, not archived), sorted by name. Task progress counts as
 * OpenSpec counts it (see `taskProgress`).
 *
 * @example
 * for (const change of await listChanges({ repo: '.' })) console.log(change.name, change.tasks);
 */
export async function listChanges(options: RepoOptions = {}): Promise<ChangeSummary[]> {
  const layout = await detectLayout(options);
  await requireOpenspec(layout);
  const names = (await subfolders(layout.changes)).filter((name) => name !== 'archive');
  const summaries: ChangeSummary[] = [];
  for (const name of names) {
    const paths = changePaths(layout, name);
    const change = await readChange(layout, paths);
    const summary: ChangeSummary = {
      name,
      dir: repoPath(layout, paths.dir),
      tasks: changeProgress(layout, change),
      capabilities: change.deltas.map((delta) => delta.capability),
    };
    if (change.title !== undefined) summary.title = change.title;
    summaries.push(summary);
  }
  return summaries;
}

/**
 * The archived changes where the repository's layout puts them (`openspec/changes/archive/` in OpenSpec
 * 1.x, `openspec/archive/` in the kit's), sorted by folder name.
 *
 * @example
 * for (const change of await listArchived({ repo: '.' })) console.log(change.name);
 */
export async function listArchived(options: RepoOptions = {}): Promise<ArchivedSummary[]> {
  const layout = await detectLayout(options);
  await requireOpenspec(layout);
  const summaries: ArchivedSummary[] = [];
  for (const name of await subfolders(layout.archive)) {
    const dir = join(layout.archive, name);
    const [proposal, tasks] = await Promise.all([
      readTextIfExists(join(dir, 'proposal.md')),
      readTextIfExists(join(dir, 'tasks.md')),
    ]);
    const counted = changeProgress(layout, { ...(tasks === undefined ? {} : { tasksText: tasks }), tasks: parseTasksMd(tasks ?? '') });
    const summary: ArchivedSummary = { name, dir: repoPath(layout, dir), tasks: counted };
    const title = proposal === undefined ? undefined : documentTitle(proposal);
    if (title !== undefined) summary.title = title;
    summaries.push(summary);
  }
  return summaries;
}

/** The main specs (`openspec/specs/<capability>/spec.md`), sorted by capability. */
export async function listSpecs(options: RepoOptions = {}): Promise<SpecSummary[]> {
  const layout = await detectLayout(options);
  await requireOpenspec(layout);
  const specs: SpecSummary[] = [];
  for (const capability of await subfolders(layout.specs)) {
    const file = mainSpecPath(layout, capability);
    if (!(await isFile(file))) continue;
    const text = await readFile(file, 'utf8');
    const requirements = requirementNames(parseMainSpec(text)).length;
    const summary: SpecSummary = { capability, file: repoPath(layout, file), requirements };
    const title = documentTitle(text);
    if (title !== undefined) summary.title = title;
    specs.push(summary);
  }
  return specs;
}
