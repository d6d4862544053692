import { statSync } from 'node:fs';
import { UsageError } from '@planwright/cli-kit';
import { DEFAULT_MAX_BUNDLE_KB, type BundleStats } from './bundle/size-guard.js';
import { REVIEWERS, type ReviewerName } from './model-gate.js';
import type { Tokens } from './reviewers/reviewer.js';

export interface ReviewOptions {
  /** Where relative paths start (default process.cwd()). */
  cwd?: string;
  /** Repository root (default `.`). */
  repo?: string;
  /** PR name: the plan folder `.plans/<PR>/`. */
  pr: string;
  /** Default `.plans/<PR>/preplan/PLAN_OPTIONS.md`. */
  planOptions?: string;
  /** Default `.plans/<PR>/preplan/GEMINI_PLAN_REVIEW.md`. */
  out?: string;
  /** Default `gemini-3-pro-preview` for gemini; the CLI's own default for codex and claude. */
  model?: string;
  /** More files for the bundle. */
  extra?: string[];
  /** Write the model and the bundle it would send (plan options may be missing); call nothing. */
  dryRun?: boolean;
  /** Default gemini. */
  reviewer?: ReviewerName;
  /** Default 10. */
  timeoutMinutes?: number;
  /** Model API attempts per request, 1-10 (default 2: one retry). */
  maxAttempts?: number;
  /** Default 400. */
  maxBundleKb?: number;
  /** Replace likely secrets with [REDACTED] instead of refusing. */
  redact?: boolean;
  /** Send likely secrets as they are. */
  allowSecrets?: boolean;
  /** The reviewer's environment (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Aborting ends the reviewer's process group. */
  signal?: AbortSignal;
  /** Called with the bundle's size once it passed every check, before the reviewer is called. */
  onBundle?: (bundle: BundleStats) => void;
  /** Between TERM and KILL when the reviewer is ended (default 4000). */
  graceMs?: number;
}

/** What happened: the `--json` output of the CLI. */
export interface ReviewResult {
  /** The review file (absolute). */
  output: string;
  /** Null for codex/claude without --model (their own default). */
  model_requested: string | null;
  /** As the reviewer reported it (Gemini rewrites aliases); null for a dry run. */
  model_used: string | null;
  session_id: string | null;
  tokens: Tokens | null;
  duration_ms: number;
  reviewer: ReviewerName;
  bundle: BundleStats;
  /** A dry run before the plan options exist: their path (a real review refuses to run without them). */
  missing_plan_options: string | null;
  dry_run: boolean;
}

export const DEFAULT_TIMEOUT_MINUTES = 10;
export const DEFAULT_MAX_ATTEMPTS = 2;

export interface CheckedSettings {
  reviewer: ReviewerName;
  timeoutMinutes: number;
  timeoutMs: number;
  maxAttempts: number;
  maxBundleKb: number;
  redact: boolean;
  allowSecrets: boolean;
}

/** The numeric and exclusive options, checked (UsageError naming the flag). */
export function checkReviewOptions(options: ReviewOptions): CheckedSettings {
  const reviewer = options.reviewer ?? 'gemini';
  if (!REVIEWERS.includes(reviewer)) throw new UsageError(`--reviewer ${reviewer}: unknown reviewer`, { hint: `use one of ${REVIEWERS.join(', ')}` });
  const timeoutMinutes = options.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES;
  if (!(timeoutMinutes > 0)) throw new UsageError(`--timeout-minutes ${timeoutMinutes}: must be more than 0`);
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 10) {
    throw new UsageError(`--max-attempts ${maxAttempts}: must be a whole number from 1 to 10`, { hint: '1 means no retry' });
  }
  const maxBundleKb = options.maxBundleKb ?? DEFAULT_MAX_BUNDLE_KB;
  if (!(maxBundleKb > 0)) throw new UsageError(`--max-bundle-kb ${maxBundleKb}: must be more than 0`);
  if (options.redact && options.allowSecrets) throw new UsageError('--redact and --allow-secrets exclude each other', { hint: 'pass one of them' });
  return { reviewer, timeoutMinutes, timeoutMs: timeoutMinutes * 60_000, maxAttempts, maxBundleKb, redact: Boolean(options.redact), allowSecrets: Boolean(options.allowSecrets) };
}

/** The repository must be a folder. */
export function checkRepo(repo: string, given: string | undefined): void {
  if (!statSync(repo, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--repo ${given ?? '.'}: no such folder`, { hint: 'name the repository root' });
  }
}

/** The review file may be new or a file, never a folder (found out before the reviewer is paid). */
export function checkOutput(output: string, given: string | undefined): void {
  const info = statSync(output, { throwIfNoEntry: false });
  if (info && !info.isFile()) throw new UsageError(`${given ? `--out ${given}` : output}: not a file`, { hint: 'name the review file, not its folder' });
}
