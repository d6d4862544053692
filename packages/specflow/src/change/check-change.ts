import { diagnostic, OPENSPEC_1_OVERRIDES, sortDiagnostics, type Diagnostic, type DiagnosticCode } from '../diagnostics.js';
import type { LayoutKind } from '../layout/openspec-layout.js';
import { mainSpecPath, repoPath, type OpenspecLayout } from '../layout/paths.js';
import { readTextIfExists } from '../layout/read-text.js';
import { checkDeltaSpec } from '../spec/check-delta.js';
import { mergeDelta, type MergeResult } from '../spec/merge-delta.js';
import { checkUnreadDeltaFiles } from '../spec/read-deltas.js';
import { checkTasks } from '../tasks/check-tasks.js';
import { checkTaskGroups, checkUnboxedTasks } from '../tasks/openspec-task-lint.js';
import { hasAnyFile, METADATA_FILE } from './change-metadata.js';
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
 * merged (in memory) into the current main spec, exactly as `archive` would merge it. A layout of kind
 * `openspec-1` gets OpenSpec's change rules (no proposal.md or tasks.md required, no delta an error
 * unless `.openspec.yaml` says `skip_specs: true`); any other keeps the kit's.
 */
export async function checkChange(
  layout: OpenspecLayout & { kind?: LayoutKind },
  change: ChangeDocument,
): Promise<CheckedChange> {
  const unread = await checkUnreadDeltaFiles(change.paths.specs, (file) => repoPath(layout, file));
  const found = layout.kind === 'openspec-1' ? await openspecOneRules(layout, change, unread.length > 0) : kitRules(layout, change);
  found.push(...unread);
  const merges: PlannedMerge[] = [];
  for (const delta of change.deltas) {
    found.push(...checkDeltaSpec(delta));
    const file = mainSpecPath(layout, delta.capability);
    const specFile = repoPath(layout, file);
    const original = await readTextIfExists(file);
    const result = mergeDelta(original, delta, { specFile, change: change.paths.name });
    found.push(...result.diagnostics);
    const before = original === undefined ? {} : { original };
    merges.push({ capability: delta.capability, file, specFile, ...before, result });
  }
  return { diagnostics: sortDiagnostics(found), merges };
}

// The Python kit's rules: proposal.md and tasks.md required, deltas optional.
function kitRules(layout: OpenspecLayout, change: ChangeDocument): Diagnostic[] {
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
  return found;
}

// OpenSpec 1.x's rules: its validate checks deltas (and .openspec.yaml's skip_specs), not the proposal.
// With unread delta files, OpenSpec reports those and not "no deltas": the deltas are in the files reported.
async function openspecOneRules(layout: OpenspecLayout, change: ChangeDocument, unread: boolean): Promise<Diagnostic[]> {
  const { paths, metadata } = change;
  const found: Diagnostic[] = [];
  const override = (code: DiagnosticCode) => OPENSPEC_1_OVERRIDES[code];
  if (change.proposal !== undefined && change.title === undefined) {
    const message = 'proposal.md has no "# " title';
    const input = { rule: override('PROPOSAL_NO_TITLE')!, file: repoPath(layout, paths.proposal), line: 1, message };
    found.push(diagnostic('PROPOSAL_NO_TITLE', input));
  }
  if (change.tasksText !== undefined) {
    const tasksFile = repoPath(layout, paths.tasks);
    const unboxed = checkUnboxedTasks(change.tasksText, tasksFile);
    for (const task of checkTasks(change.tasks, tasksFile).diagnostics) {
      // OpenSpec's own warning about a file without checkboxes says more than "no tasks".
      if (task.code === 'TASKS_EMPTY' && unboxed.length > 0) continue;
      const rule = override(task.code);
      found.push(rule === undefined ? task : { ...task, severity: rule[0], fix: rule[1] });
    }
    found.push(...unboxed, ...checkTaskGroups(change.tasksText, tasksFile));
  }
  const metadataFile = `${repoPath(layout, paths.dir)}/${METADATA_FILE}`;
  if (metadata.invalid !== undefined) {
    const message = `skip_specs is set but the metadata is not valid, so it is not honoured: ${metadata.invalid}`;
    found.push(diagnostic('CHANGE_METADATA_INVALID', { file: metadataFile, message }));
  }
  if (metadata.skipSpecs && (await hasAnyFile(paths.specs))) {
    const message = 'skip_specs is set in .openspec.yaml but there are files under specs/';
    found.push(diagnostic('CHANGE_SKIP_SPECS_CONFLICT', { file: metadataFile, message }));
  } else if (change.deltas.length === 0 && !metadata.skipSpecs && !unread) {
    const message = 'the change has no spec deltas and .openspec.yaml does not set skip_specs: true';
    const input = { rule: override('DELTA_NONE')!, file: `${repoPath(layout, paths.specs)}/`, message };
    found.push(diagnostic('DELTA_NONE', input));
  }
  return found;
}
