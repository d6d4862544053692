import type { Diagnostic } from './diagnostics.js';

/** The verdict of one validated item and the counts behind it. */
export interface ValidationCounts {
  valid: boolean;
  strict: boolean;
  errors: number;
  warnings: number;
  /** Advice that never fails an item (OpenSpec gives none of it). */
  info: number;
}

/** `valid` is false on any error, or on any warning when `strict`; `info` never counts against it. */
export function summarize(diagnostics: Diagnostic[], strict: boolean): ValidationCounts {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((found) => found.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  return { valid: errors === 0 && (!strict || warnings === 0), strict, errors, warnings, info: count('info') };
}
