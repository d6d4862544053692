import { PlanwrightError, type PlanwrightErrorOptions } from '@planwright/cli-kit';

export interface RunStoreErrorOptions extends PlanwrightErrorOptions {
  /** The file or folder at fault. */
  path?: string;
  /** The OS error code behind it (EACCES, ENOSPC, ...), when there is one. */
  code?: string;
}

/**
 * A run directory that cannot be used: a run root that cannot be created or written, a run file that is
 * not JSON. The message is one line naming the path; exit code 1 unless the caller says otherwise.
 */
export class RunStoreError extends PlanwrightError {
  override name = 'RunStoreError';
  readonly path: string | undefined;
  readonly code: string | undefined;

  constructor(message: string, options: RunStoreErrorOptions = {}) {
    super(message, options);
    this.path = options.path;
    this.code = options.code;
  }
}

/** Raised by the watchers when their `signal` aborts; `name` is `AbortError` like Node's own. */
export class AbortError extends Error {
  override name = 'AbortError';
  readonly code = 'ABORT_ERR';

  constructor(message = 'the wait was aborted', options: { cause?: unknown } = {}) {
    super(message, options);
  }
}
