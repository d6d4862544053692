import { ExitCode, PlanwrightError } from '@planwright/cli-kit';

/** Why a reviewer call failed, as named in the error line and in `ReviewerError.reason`. */
export type ReviewerFailure = 'auth' | 'rate_limit' | 'untrusted_folder' | 'server_error' | 'timeout' | 'interrupted' | 'no_review' | 'failed';

const EXIT_CODES: Partial<Record<ReviewerFailure, number>> = { timeout: ExitCode.timeout, interrupted: 130 };

/**
 * The reviewer CLI ran and did not deliver a review: the message says which CLI, what happened (auth,
 * rate limit, server error, timeout, ...) and the CLI's own words. Exit 124 for a timeout, 130 when
 * interrupted, else 1. No review file is written.
 */
export class ReviewerError extends PlanwrightError {
  override name = 'ReviewerError';
  readonly reason: ReviewerFailure;
  readonly reviewer: string;

  constructor(reviewer: string, reason: ReviewerFailure, message: string, hint?: string) {
    super(`${reviewer}: ${message}`, { exitCode: EXIT_CODES[reason] ?? ExitCode.failure, hint });
    this.reason = reason;
    this.reviewer = reviewer;
  }
}
