import { PlanwrightError } from '@planwright/cli-kit';
import { mkdir, rename, rm } from 'node:fs/promises';
import { checkChange } from '../change/check-change.js';
import { readChange } from '../change/read-change.js';
import { formatDiagnostic } from '../diagnostics.js';
import { DeltaMergeError } from '../errors.js';
import { archiveDestination, detectLayout, kitStamp } from '../layout/openspec-layout.js';
import { isDirectory, repoPath, requireChange, type RepoOptions } from '../layout/paths.js';
import type { MergeChanges } from '../spec/merge-delta.js';
import { undoneError, writeAllOrNothing } from './write-specs.js';

export interface ArchiveOptions extends RepoOptions {
  change: string;
  /** Check and report what would change, write nothing. */
  dryRun?: boolean;
  /** Only move the change folder: no merge into openspec/specs/, no check of the deltas. */
  skipSpecs?: boolean;
  /** The time in the archive folder's name (default now, local time as the kit does). */
  at?: Date;
}

/** What archiving did (or, with dryRun, would do) to each main spec: the requirements, by name. */
export interface ArchivedSpec extends MergeChanges {
  capability: string;
  file: string;
  created: boolean;
}

export interface ArchiveResult {
  change: string;
  /** Repository path of the archived change: `openspec/archive/<change>-<YYYYmmdd-HHMMSS>` or `openspec/changes/archive/YYYY-MM-DD-<change>`. */
  archivedTo: string;
  dryRun: boolean;
  skipSpecs: boolean;
  /** The main specs merged (none with skipSpecs). */
  specs: ArchivedSpec[];
  /** Findings that do not block archiving: unchecked tasks, validate's warnings, task-file problems. */
  warnings: string[];
}

// Findings about the deltas and the specs they make block the merge; the rest (tasks, proposal, a change
// without deltas) are reported and let through, as OpenSpec's archive does.
const BLOCKING = /^(DELTA_(?!NONE$)|REQ_|SCENARIO_|RENAME_|SPEC_)/;

/**
 * Merges the change's spec deltas into `openspec/specs/` and moves the change to the layout's archive
 * (`openspec/archive/<change>-<stamp>` in the kit's, `openspec/changes/archive/YYYY-MM-DD-<change>` in
 * OpenSpec 1.x's). The specs come out byte for byte as `openspec archive -y` writes them; a spec whose
 * delta was already synced is left untouched.
 * All or nothing: every new spec is computed and checked in memory first; then each is written
 * atomically, and if a write or the move fails, the files already written are restored. Never asks:
 * unchecked tasks are a warning. `skipSpecs` only moves the folder; `dryRun` writes nothing.
 *
 * @example
 * const { archivedTo, specs } = await archiveChange({ repo: '.', change: 'add-2fa' });
 */
export async function archiveChange(options: ArchiveOptions): Promise<ArchiveResult> {
  const layout = await detectLayout(options);
  const paths = await requireChange(layout, options.change);
  const change = await readChange(layout, paths);
  const { diagnostics, merges } = options.skipSpecs ? { diagnostics: [], merges: [] } : await checkChange(layout, change);
  const blocking = diagnostics.filter((found) => found.severity === 'error' && BLOCKING.test(found.code));
  if (blocking.length > 0) {
    const count = `${blocking.length} problem${blocking.length === 1 ? '' : 's'}`;
    const hint = `fix them, then archive again; "specflow validate ${paths.name}" lists them too`;
    const message = `archive ${paths.name}: ${count} in the spec deltas; nothing was changed`;
    throw new DeltaMergeError(message, blocking, hint);
  }
  const destination = archiveDestination(layout, paths.name, options.at ?? new Date());
  if (await isDirectory(destination)) {
    const message = `archive ${paths.name}: ${repoPath(layout, destination)} already exists; nothing was changed`;
    throw new PlanwrightError(message, { hint: 'wait a second and archive again' });
  }
  const unchecked = change.tasks.filter((task) => !task.checked).length;
  const tasksFile = repoPath(layout, paths.tasks);
  const warnings = [
    ...(unchecked > 0 ? [`${unchecked} of ${change.tasks.length} tasks in ${tasksFile} are not checked`] : []),
    ...diagnostics.filter((found) => !blocking.includes(found)).map(formatDiagnostic),
    ...merges.flatMap(({ result: merged }) => merged.notes),
  ];
  const result: ArchiveResult = {
    change: paths.name,
    archivedTo: repoPath(layout, destination),
    dryRun: options.dryRun ?? false,
    skipSpecs: options.skipSpecs ?? false,
    specs: merges.map(({ capability, specFile, result: merged }) => ({
      capability,
      file: specFile,
      created: merged.created,
      ...merged.changes,
    })),
    warnings,
  };
  if (options.dryRun) return result;

  const what = `archive ${paths.name}`;
  const writes = merges.filter(({ result: merged }) => merged.changed).map(({ file, specFile, original, result: merged }) => ({
    file,
    label: specFile,
    text: merged.text,
    ...(original === undefined ? {} : { original }),
  }));
  const undo = await writeAllOrNothing(writes, what);
  let createdArchive: string | undefined;
  try {
    createdArchive = await mkdir(layout.archive, { recursive: true });
    await rename(paths.dir, destination);
  } catch (cause) {
    if (createdArchive !== undefined) await rm(createdArchive, { recursive: true, force: true }).catch(() => undefined);
    const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    const message = `${what}: moving ${repoPath(layout, paths.dir)} to ${result.archivedTo} failed (${code})`;
    throw await undoneError(message, cause, undo);
  }
  return result;
}

/** `YYYYmmdd-HHMMSS` in local time, the kit's archive folder suffix. */
export function archiveStamp(at: Date): string {
  return kitStamp(at);
}
