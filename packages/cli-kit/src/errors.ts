/** Exit codes shared by every planwright CLI: 0 ok, 1 the work failed, 2 bad input or usage, 124 timeout. */
export const ExitCode = { ok: 0, failure: 1, usage: 2, timeout: 124 } as const;

export interface PlanwrightErrorOptions {
  /** Process exit code the CLI maps this error to (default 1). */
  exitCode?: number;
  /** What would fix it, printed after the message in parentheses. */
  hint?: string;
  cause?: unknown;
}

/**
 * Base of every typed planwright error. The CLI prints its message (and hint) as one line, without a
 * stack, and exits with its exit code.
 */
export class PlanwrightError extends Error {
  override name = 'PlanwrightError';
  readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(message: string, options: PlanwrightErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode ?? ExitCode.failure;
    this.hint = options.hint;
  }
}

/** Bad input from the user: a flag, an argument, a file that cannot be used. Exit code 2. */
export class UsageError extends PlanwrightError {
  override name = 'UsageError';

  constructor(message: string, options: Omit<PlanwrightErrorOptions, 'exitCode'> = {}) {
    super(message, { ...options, exitCode: ExitCode.usage });
  }
}

/**
 * True for planwright's typed errors. Checked by shape, not `instanceof`, because each bin bundles its own
 * copy of this package and an error may cross from one copy to another.
 */
export function isPlanwrightError(error: unknown): error is PlanwrightError {
  return (
    error instanceof Error &&
    typeof (error as Partial<PlanwrightError>).exitCode === 'number' &&
    'hint' in error
  );
}
