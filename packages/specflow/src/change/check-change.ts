import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { mainSpecPath, repoPath, type OpenspecLayout } from '../layout/paths.js';
import { readTextIfExists } from '../layout/read-text.js';
import { checkDeltaSpec } from '../spec/check-delta.js';
import { mergeDelta, type MergeResult } from '../spec/merge-delta.js';
import { checkTasks } from '../tasks/check-tasks.js';
import type { ChangeDocument } from './read-change.js';

/** The merge of one delta into its main spec, computed in memory. */
export interface PlannedMerge {
  capability: string;
  /** Absolute path of the main spec. */
  file: string;
  /** Repository path of the main spec. */
  specFile: string;
  /** The main spec's text before the merge; undefined when the merge creates it. */
  original?: string;
  result: MergeResult;
}

export interface CheckedChange {
  diagnostics: Diagnostic[];
  merges: PlannedMerge[];
}

/**
 * Every rule of `validate` on a change: its files, its tasks, each delta on its own, and each delta
 * merged (in memory) into the current main spec, exactly as `archive` would merge it.
 */
export async function checkChange(layout: OpenspecLayout, change: ChangeDocument): Promise<CheckedChange> {
  const { paths } = change;
  const found: Diagnostic[] = [];
  if (change.proposal === undefined) {
    const file = repoPath(layout, paths.proposal);
    found.push(diagnostic('CHANGE_NO_PROPOSAL', { file, message: 'proposal.md is missing' }));
  } else if (change.title === undefined) {
    const message = 'proposal.md has no "# " title';
    found.push(diagnostic('PROPOSAL_NO_TITLE', { file: repoPath(layout, paths.proposal), line: 1, message }));
  }
  if (change.tasksText === undefined) {
    found.push(diagnostic('CHANGE_NO_TASKS', { file: repoPath(layout, paths.tasks), message: 'tasks.md is missing' }));
  } else found.push(...checkTasks(change.tasks, repoPath(layout, paths.tasks)).diagnostics);
  if (change.deltas.length === 0) {
    const message = 'the change has no spec deltas';
    found.push(diagnostic('DELTA_NONE', { file: `${repoPath(layout, paths.specs)}/`, message }));
  }
  const merges: PlannedMerge[] = [];
  for (const delta of change.deltas) {
    found.push(...checkDeltaSpec(delta));
    const file = mainSpecPath(layout, delta.capability);
    const specFile = repoPath(layout, file);
    const original = await readTextIfExists(file);
    const result = mergeDelta(original, delta, { specFile, change: paths.name });
    found.push(...result.diagnostics);
    const before = original === undefined ? {} : { original };
    merges.push({ capability: delta.capability, file, specFile, ...before, result });
  }
  return { diagnostics: sortDiagnostics(found), merges };
}
