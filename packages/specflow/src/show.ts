import { UsageError } from '@planwright/cli-kit';
import { readFile } from 'node:fs/promises';
import { documentTitle, readChange, subfolders, type ChangeDocument } from './change/read-change.js';
import { NotFoundError } from './errors.js';
import {
  changePaths,
  changePathsAt,
  type ChangePaths,
  isDirectory,
  isFile,
  mainSpecPath,
  repoPath,
  requireOpenspec,
  type RepoOptions,
} from './layout/paths.js';
import { join } from 'node:path';
import { detectLayout, type DetectedLayout } from './layout/openspec-layout.js';
import { toSlug } from '@planwright/plan-schema';
import { changeProgress } from './tasks/task-progress.js';
import type { DeltaSpec } from './spec/parse-delta.js';
import { scenarioNames } from './spec/blocks.js';
import { parseMainSpec } from './spec/parse-spec.js';

export interface ShowOptions extends RepoOptions {
  /** A change name or a capability. */
  name: string;
  /** Needed only when a change and a spec have the same name. */
  type?: 'change' | 'spec';
}

/** What one delta file does to its capability. */
export interface DeltaDetails {
  capability: string;
  file: string;
  added: string[];
  modified: string[];
  removed: string[];
  renamed: { from: string; to: string }[];
}

/** A change: its tasks with their state and group, and what each delta does. */
export interface ChangeDetails {
  name: string;
  dir: string;
  title?: string;
  progress: { done: number; total: number };
  tasks: { line: number; ref?: string; title: string; checked: boolean; group?: string }[];
  deltas: DeltaDetails[];
  /** True for a change found in the archive (`openspec/changes/archive/` in OpenSpec 1.x). */
  archived?: boolean;
  /** From `.openspec.yaml` (OpenSpec 1.x): the workflow schema, the date the change was created, skip_specs. */
  metadata?: { schema?: string; created?: string; skipSpecs: boolean };
}

/** A main spec: its requirements and their scenarios. */
export interface SpecDetails {
  capability: string;
  file: string;
  title?: string;
  requirements: { name: string; scenarios: string[] }[];
}

export type ShowResult = { type: 'change'; change: ChangeDetails } | { type: 'spec'; spec: SpecDetails };

/**
 * One change or one main spec, by name.
 *
 * @example
 * const shown = await showItem({ repo: '.', name: 'add-2fa' });
 * if (shown.type === 'change') console.log(shown.change.progress);
 */
export async function showItem(options: ShowOptions): Promise<ShowResult> {
  const layout = await detectLayout(options);
  await requireOpenspec(layout);
  const asWritten = changePaths(layout, options.name);
  const change = (await isDirectory(asWritten.dir)) ? asWritten : changePaths(layout, toSlug(options.name) || options.name);
  const isChange = options.type !== 'spec' && (await isDirectory(change.dir));
  const specFile = mainSpecPath(layout, options.name);
  const isSpec = options.type !== 'change' && !options.name.includes('/') && (await isFile(specFile));
  if (isChange && isSpec) {
    throw new UsageError(`${JSON.stringify(options.name)} is both a change and a spec`, {
      hint: 'add --type change or --type spec',
    });
  }
  if (isSpec) {
    const text = await readFile(specFile, 'utf8');
    return { type: 'spec', spec: specDetails(options.name, repoPath(layout, specFile), text) };
  }
  const archived = options.type === 'spec' || isChange ? undefined : await findArchived(layout, options.name);
  if (archived !== undefined) {
    const details = changeDetails(layout, await readChange(layout, archived), repoPath(layout, archived.dir));
    return { type: 'change', change: { ...details, archived: true } };
  }
  if (!isChange) {
    throw new NotFoundError(`${JSON.stringify(options.name)}: no such ${options.type ?? 'change or spec'}`, {
      hint: 'see "specflow list" and "specflow list --specs"',
    });
  }
  return { type: 'change', change: changeDetails(layout, await readChange(layout, change), repoPath(layout, change.dir)) };
}

function changeDetails(layout: DetectedLayout, document: ChangeDocument, dir: string): ChangeDetails {
  const details: ChangeDetails = {
    name: document.paths.name,
    dir,
    progress: changeProgress(layout, document),
    tasks: document.tasks.map(({ line, ref, title, checked, group }) => ({
      line,
      ...(ref ? { ref } : {}),
      title,
      checked,
      ...(group ? { group } : {}),
    })),
    deltas: document.deltas.map(deltaDetails),
  };
  if (document.title !== undefined) details.title = document.title;
  const { present, schema, created, skipSpecs } = document.metadata;
  if (present) {
    details.metadata = { ...(schema === undefined ? {} : { schema }), ...(created === undefined ? {} : { created }), skipSpecs };
  }
  return details;
}

function deltaDetails(delta: DeltaSpec): DeltaDetails {
  const named = (operation: string) =>
    delta.requirements.filter((found) => found.operation === operation).map((found) => found.name);
  return {
    capability: delta.capability,
    file: delta.file,
    added: named('ADDED'),
    modified: named('MODIFIED'),
    removed: named('REMOVED'),
    renamed: delta.renames.map(({ from, to }) => ({ from, to })),
  };
}

function specDetails(capability: string, file: string, text: string): SpecDetails {
  const requirements = parseMainSpec(text)
    .chunks.filter((chunk) => chunk.kind === 'requirement')
    .map((chunk) => ({
      name: chunk.name!,
      scenarios: scenarioNames(chunk.lines),
    }));
  const title = documentTitle(text);
  return title === undefined ? { capability, file, requirements } : { capability, file, title, requirements };
}

// An archived change by its folder name, or by its change name inside one: OpenSpec 1.x's
// `YYYY-MM-DD-<change>`, the kit's `<change>-<YYYYmmdd-HHMMSS>`; the newest when it was archived twice.
async function findArchived(layout: DetectedLayout, name: string): Promise<ChangePaths | undefined> {
  if (name.includes('/') || name.includes('\\') || name === '..') return undefined;
  const folders = await subfolders(layout.archive);
  const named = (folder: string) =>
    folder === name || (layout.kind === 'kit' ? KIT_ARCHIVE : DATED_ARCHIVE).exec(folder)?.[1] === name;
  const found = folders.filter(named).pop();
  return found === undefined ? undefined : changePathsAt(join(layout.archive, found), found);
}

const DATED_ARCHIVE = /^\d{4}-\d{2}-\d{2}-(.+)$/;
const KIT_ARCHIVE = /^(.+)-\d{8}-\d{6}$/;
