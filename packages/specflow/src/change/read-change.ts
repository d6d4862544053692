import { readdir } from 'node:fs/promises';
import { repoPath, type ChangePaths, type OpenspecLayout } from '../layout/paths.js';
import { readTextIfExists, splitLines } from '../layout/read-text.js';
import type { DeltaSpec } from '../spec/parse-delta.js';
import { readDeltaSpecs } from '../spec/read-deltas.js';
import type { LayoutKind } from '../layout/openspec-layout.js';
import { parseTasksMd, type TaskItem } from '../tasks/parse-tasks.js';
import { readChangeMetadata, type ChangeMetadata } from './change-metadata.js';

/** A change folder read from disk: what exists of it, its tasks and its spec deltas. */
export interface ChangeDocument {
  paths: ChangePaths;
  /** proposal.md's text; undefined when the file is missing. */
  proposal?: string;
  /** The text of proposal.md's first `# ` heading. */
  title?: string;
  /** tasks.md's text; undefined when the file is missing. */
  tasksText?: string;
  tasks: TaskItem[];
  deltas: DeltaSpec[];
  /** `.openspec.yaml` (OpenSpec 1.x): schema, created, skip_specs. */
  metadata: ChangeMetadata;
}

/** Reads a change folder; a layout of kind `openspec-1` reads tasks.md with OpenSpec's checkbox markers. */
export async function readChange(layout: OpenspecLayout & { kind?: LayoutKind }, paths: ChangePaths): Promise<ChangeDocument> {
  const [proposal, tasksText, deltas, metadata] = await Promise.all([
    readTextIfExists(paths.proposal),
    readTextIfExists(paths.tasks),
    readDeltas(layout, paths),
    readChangeMetadata(paths.dir, layout.openspec),
  ]);
  const openspecMarkers = layout.kind === 'openspec-1';
  const tasks = tasksText === undefined ? [] : parseTasksMd(tasksText, { openspecMarkers });
  const change: ChangeDocument = { paths, tasks, deltas, metadata };
  if (proposal !== undefined) {
    change.proposal = proposal;
    const title = documentTitle(proposal);
    if (title !== undefined) change.title = title;
  }
  if (tasksText !== undefined) change.tasksText = tasksText;
  return change;
}

/** The first line starting with "# ", without it: a spec's title, or a proposal's (the kit's rule for the goal). */
export function documentTitle(proposal: string): string | undefined {
  const line = splitLines(proposal).find((text) => text.startsWith('# '));
  const title = line?.slice(2).trim();
  return title ? title : undefined;
}

/** Every `specs/<capability>/spec.md` of a change, by capability name. */
export async function readDeltas(layout: OpenspecLayout, paths: ChangePaths): Promise<DeltaSpec[]> {
  return readDeltaSpecs(paths.specs, (file) => repoPath(layout, file));
}

/** The names of the folders in `dir`, sorted; none when it does not exist. */
export async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}
