import { readFile } from 'node:fs/promises';
import { documentTitle, readChange, subfolders } from './change/read-change.js';
import {
  changePaths,
  isFile,
  mainSpecPath,
  openspecLayout,
  repoPath,
  requireOpenspec,
  type RepoOptions,
} from './layout/paths.js';
import { parseMainSpec, requirementNames } from './spec/parse-spec.js';

/** An active change with its progress: checked tasks of tasks.md, and the capabilities it changes. */
export interface ChangeSummary {
  name: string;
  /** Repository path of the change folder. */
  dir: string;
  title?: string;
  tasks: { done: number; total: number };
  /** Capabilities with a delta spec in the change. */
  capabilities: string[];
}

/** A main spec and how many requirements it has. */
export interface SpecSummary {
  capability: string;
  file: string;
  title?: string;
  requirements: number;
}

/**
 * The active changes (`openspec/changes/*`, not archived), sorted by name.
 *
 * @example
 * for (const change of await listChanges({ repo: '.' })) console.log(change.name, change.tasks);
 */
export async function listChanges(options: RepoOptions = {}): Promise<ChangeSummary[]> {
  const layout = openspecLayout(options);
  await requireOpenspec(layout);
  const names = (await subfolders(layout.changes)).filter((name) => name !== 'archive');
  const summaries: ChangeSummary[] = [];
  for (const name of names) {
    const paths = changePaths(layout, name);
    const change = await readChange(layout, paths);
    const summary: ChangeSummary = {
      name,
      dir: repoPath(layout, paths.dir),
      tasks: { done: change.tasks.filter((task) => task.checked).length, total: change.tasks.length },
      capabilities: change.deltas.map((delta) => delta.capability),
    };
    if (change.title !== undefined) summary.title = change.title;
    summaries.push(summary);
  }
  return summaries;
}

/** The main specs (`openspec/specs/<capability>/spec.md`), sorted by capability. */
export async function listSpecs(options: RepoOptions = {}): Promise<SpecSummary[]> {
  const layout = openspecLayout(options);
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
