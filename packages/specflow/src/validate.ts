import { checkChange } from './change/check-change.js';
import { readChange } from './change/read-change.js';
import type { Diagnostic } from './diagnostics.js';
import { detectLayout, type DetectedLayout } from './layout/openspec-layout.js';
import { requireChange, type ChangePaths, type RepoOptions } from './layout/paths.js';
import { summarize } from './validate-counts.js';

export interface ValidateChangeOptions extends RepoOptions {
  /** The change: its folder name as written, else (the kit's rule) its slug. */
  change: string;
  /** Warnings fail the change too. */
  strict?: boolean;
}

/** What `validate` found. `valid` is false on any error, or on any warning when `strict`. */
export interface ValidationReport {
  change: string;
  valid: boolean;
  strict: boolean;
  errors: number;
  warnings: number;
  /** Advice that never fails a change; present when there is some. */
  info?: number;
  /** How many tasks tasks.md has, and how many delta spec files the change has. */
  tasks: number;
  deltas: number;
  diagnostics: Diagnostic[];
}

/**
 * Checks a change the way `archive` and `plan` will use it: in the kit's layout proposal.md and tasks.md
 * present; tasks parseable with known dependencies and no cycle; every delta well-formed and applicable
 * to the current main specs; in an OpenSpec 1.x repository at least one delta unless `.openspec.yaml`
 * sets `skip_specs: true`. An unknown change is a NotFoundError (exit 2); problems are findings.
 *
 * @example
 * const report = await validateChange({ repo: '.', change: 'add-2fa', strict: true });
 * if (!report.valid) for (const found of report.diagnostics) console.log(formatDiagnostic(found));
 */
export async function validateChange(options: ValidateChangeOptions): Promise<ValidationReport> {
  const layout = await detectLayout(options);
  return checkOneChange(layout, await requireChange(layout, options.change), options.strict ?? false);
}

/** The report of one change folder, once the layout is known (bulk validate reuses it). */
export async function checkOneChange(layout: DetectedLayout, paths: ChangePaths, strict: boolean): Promise<ValidationReport> {
  const change = await readChange(layout, paths);
  const { diagnostics } = await checkChange(layout, change);
  const { info, ...counts } = summarize(diagnostics, strict);
  return {
    change: paths.name,
    ...counts,
    ...(info > 0 ? { info } : {}),
    tasks: change.tasks.length,
    deltas: change.deltas.length,
    diagnostics,
  };
}
