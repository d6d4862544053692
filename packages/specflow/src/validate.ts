import { checkChange } from './change/check-change.js';
import { readChange } from './change/read-change.js';
import type { Diagnostic } from './diagnostics.js';
import { openspecLayout, requireChange, type RepoOptions } from './layout/paths.js';

export interface ValidateChangeOptions extends RepoOptions {
  /** The change name (the slug rule is applied). */
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
  /** How many tasks tasks.md has, and how many delta spec files the change has. */
  tasks: number;
  deltas: number;
  diagnostics: Diagnostic[];
}

/**
 * Checks a change the way `archive` and `plan` will use it: proposal.md and tasks.md present, tasks
 * parseable with known dependencies and no cycle, every delta well-formed and applicable to the current
 * main specs. An unknown change is a NotFoundError (exit 2); problems are findings, not errors.
 *
 * @example
 * const report = await validateChange({ repo: '.', change: 'add-2fa', strict: true });
 * if (!report.valid) for (const found of report.diagnostics) console.log(formatDiagnostic(found));
 */
export async function validateChange(options: ValidateChangeOptions): Promise<ValidationReport> {
  const layout = openspecLayout(options);
  const paths = await requireChange(layout, options.change);
  const change = await readChange(layout, paths);
  const { diagnostics } = await checkChange(layout, change);
  const errors = diagnostics.filter((found) => found.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const strict = options.strict ?? false;
  return {
    change: paths.name,
    valid: errors === 0 && (!strict || warnings === 0),
    strict,
    errors,
    warnings,
    tasks: change.tasks.length,
    deltas: change.deltas.length,
    diagnostics,
  };
}
