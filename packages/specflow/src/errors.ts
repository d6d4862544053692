import { PlanwrightError, UsageError } from '@planwright/cli-kit';
import type { Diagnostic } from './diagnostics.js';

/**
 * A change whose spec deltas cannot be merged: every problem is in `diagnostics`, and nothing on disk
 * was changed. Exit code 1 (the work failed; the input was well-formed enough to read).
 */
export class DeltaMergeError extends PlanwrightError {
  override name = 'DeltaMergeError';
  readonly diagnostics: Diagnostic[];

  constructor(message: string, diagnostics: Diagnostic[], hint?: string) {
    super(message, { hint });
    this.diagnostics = diagnostics;
  }
}

/**
 * Writing the merged specs or moving the change folder failed part-way. The files already written were
 * put back; `restoreFailures` names any that could not be (then the message says so too).
 */
export class ArchiveWriteError extends PlanwrightError {
  override name = 'ArchiveWriteError';
  readonly restoreFailures: string[];

  constructor(message: string, options: { cause: unknown; restoreFailures: string[]; hint?: string }) {
    super(message, { cause: options.cause, hint: options.hint });
    this.restoreFailures = options.restoreFailures;
  }
}

/** A change, spec or file named on the command line that does not exist. Exit code 2. */
export class NotFoundError extends UsageError {
  override name = 'NotFoundError';
}
