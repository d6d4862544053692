import { ReviewerError, type ReviewerFailure } from '../errors.js';
import type { ReviewerName } from '../model-gate.js';

const HEADLINES: Record<ReviewerFailure, string> = {
  auth: 'authentication failed',
  rate_limit: 'rate limit or quota exceeded',
  untrusted_folder: 'the folder is not trusted',
  server_error: 'the model API had a server error',
  timeout: 'no review in time',
  interrupted: 'interrupted',
  no_review: 'no review in the output',
  failed: 'the review failed',
};

const LOGIN: Record<ReviewerName, string> = {
  // The review runs in planwright's own workspace folder, so a key in the repository's .env is not read.
  gemini: 'run gemini once in a terminal to log in, or export GEMINI_API_KEY',
  codex: 'run codex login, or set OPENAI_API_KEY',
  claude: 'run claude once in a terminal to log in, or set ANTHROPIC_API_KEY',
};

function hintFor(reviewer: ReviewerName, reason: ReviewerFailure): string | undefined {
  if (reason === 'auth') return LOGIN[reviewer];
  if (reason === 'rate_limit') return 'wait and retry later, or retry longer with --max-attempts';
  if (reason === 'server_error') return 'retry later';
  if (reason === 'untrusted_folder') return 'planwright passes --skip-trust; unset GEMINI_RESTRICTED_MODE, which overrides it';
  return undefined;
}

/** The kind of failure a CLI's message describes, when it says. */
export function classifyMessage(message: string): ReviewerFailure | undefined {
  if (/\b429\b|rate.?limit|too many requests|quota|resource.?exhausted/i.test(message)) return 'rate_limit';
  if (/\b40[13]\b|unauthori[sz]ed|unauthenticated|forbidden|permission.?denied|api.?key|authenticat|credential|log ?in\b/i.test(message)) return 'auth';
  if (/\b50\d\b|internal error|server error|unavailable|high demand|overloaded/i.test(message)) return 'server_error';
  return undefined;
}

/** The kind of failure an HTTP status means. */
export function classifyStatus(status: number | undefined): ReviewerFailure | undefined {
  if (status === 429) return 'rate_limit';
  if (status === 401 || status === 403) return 'auth';
  if (status !== undefined && status >= 500 && status < 600) return 'server_error';
  return undefined;
}

export interface FailureDetails {
  exitCode: number | null;
  status?: number;
  /** The CLI's own words (one line is kept). */
  message?: string;
}

/** A ReviewerError with one line: what happened, the exit code (and HTTP status), and the CLI's message. */
export function reviewerFailure(reviewer: ReviewerName, reason: ReviewerFailure, details: FailureDetails): ReviewerError {
  const facts = [details.exitCode === null ? undefined : `exit ${details.exitCode}`, details.status ? `HTTP ${details.status}` : undefined].filter(Boolean);
  const said = details.message ? `: ${oneLine(details.message)}` : '';
  return new ReviewerError(reviewer, reason, `${HEADLINES[reason]}${facts.length ? ` (${facts.join(', ')})` : ''}${said}`, hintFor(reviewer, reason));
}

/** Strips terminal colours and folds a message into one bounded line. */
export function oneLine(text: string, max = 300): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The last line of `text` that is not a stack frame, for CLIs that print no structured error. */
export function lastMeaningfulLine(text: string): string | undefined {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && line !== '}' && line !== '{')
    .at(-1);
}
