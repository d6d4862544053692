import type { Diagnostic } from '../diagnostics.js';
import { checkDeltaSpec } from './check-delta.js';
import { checkRebuiltSpec } from './check-rebuilt.js';
import { matchLineEnding } from './code-fence.js';
import type { DeltaSpec } from './parse-delta.js';
import { newSpecText } from './purpose.js';
import { rebuildSpec, type MergeChanges, type MergeCounts } from './rebuild-spec.js';

export type { MergeChanges, MergeCounts } from './rebuild-spec.js';

/** The new text of a main spec, or why the delta does not apply. */
export interface MergeResult {
  /** The spec after the merge, in the line ends the current spec uses (LF for a new one). */
  text: string;
  /** True when the main spec did not exist and the merge creates it. */
  created: boolean;
  /** False when every operation was already synced: archive then leaves the file as it is. */
  changed: boolean;
  counts: MergeCounts;
  changes: MergeChanges;
  /**
   * Why archive would refuse the merge: requirements the delta names that the spec lacks or has with
   * other text, scenarios a MODIFIED drops, a main spec archive cannot write into, and the rebuilt spec's
   * own errors. No error among them when `text` is usable.
   */
  diagnostics: Diagnostic[];
  /** What archive reports and lets through (a REMOVED requirement already gone). */
  notes: string[];
}

export interface MergeContext {
  /** Repository path of the main spec, for messages. */
  specFile: string;
  /** The change being merged, named in the placeholder Purpose of a new spec. */
  change: string;
}

/**
 * Applies a delta to a main spec in memory, byte for byte as `openspec archive` does. A missing main spec
 * (`undefined`) is created with the delta's `## Purpose` (else a `TBD` placeholder); only ADDED (and
 * REMOVED, ignored) can create one. The rebuilt spec is checked as archive checks it before writing.
 *
 * @example
 * const { text, diagnostics } = mergeDelta(await readFile(spec, 'utf8'), delta, { specFile, change: 'add-2fa' });
 */
export function mergeDelta(mainText: string | undefined, delta: DeltaSpec, context: MergeContext): MergeResult {
  const placeholder = `TBD: created when the change ${context.change} was archived; describe what this capability is for.`;
  const base = mainText ?? newSpecText(delta.capability, delta.purpose, placeholder);
  const rebuilt = rebuildSpec(base, delta, context.specFile, mainText === undefined);
  const { changes } = rebuilt;
  const counts: MergeCounts = {
    added: changes.added.length,
    modified: changes.modified.length,
    removed: changes.removed.length,
    renamed: changes.renamed.length,
  };
  const changed = counts.added + counts.modified + counts.removed + counts.renamed > 0;
  // Archive checks every rebuilt spec before writing any, synced ones included.
  // As in archive, the spec a delta leaves is checked only when the delta itself is well-formed.
  const deltaErrors = checkDeltaSpec(delta).some((found) => found.severity === 'error');
  const applies = !deltaErrors && rebuilt.refusals.length === 0;
  // Blocks that come from the delta (ADDED, MODIFIED) are checked in the delta file, with its line numbers;
  // renamed ones keep the current spec's text, so they are checked here.
  const fromDelta = new Set(delta.requirements.filter((found) => found.operation !== 'REMOVED').map((found) => found.name));
  const kept = (applies ? checkRebuiltSpec(rebuilt.text, context.specFile) : []).filter(
    (found) => found.requirement === undefined || !fromDelta.has(found.requirement),
  );
  const diagnostics = [...rebuilt.refusals, ...kept];
  return {
    text: matchLineEnding(rebuilt.text, mainText),
    created: mainText === undefined,
    changed,
    counts,
    changes,
    diagnostics,
    notes: rebuilt.notes,
  };
}
