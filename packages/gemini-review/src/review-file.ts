import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { countText } from '@planwright/cli-kit';
import { writeFileAtomic } from '@planwright/plan-schema';
import { formatKb, type BundleStats } from './bundle/size-guard.js';
import type { ReviewerName } from './model-gate.js';
import type { Tokens } from './reviewers/reviewer.js';

/** What the header of a review file records. */
export interface ReviewHeader {
  reviewer: ReviewerName;
  modelRequested: string | null;
  modelUsed: string | null;
  sessionId: string | null;
  tokens: Tokens | null;
  durationMs: number;
  generatedAt: string;
  pr: string;
  bundle: BundleStats;
}

/** `1,290`. */
export function formatCount(n: number): string {
  return countText(n);
}

/** `3 files, 12.4 KB, ~3,180 tokens`. */
export function describeBundle(bundle: BundleStats): string {
  const redacted = bundle.redacted ? `, ${bundle.redacted} secret${bundle.redacted === 1 ? '' : 's'} redacted` : '';
  return `${bundle.files.length} file${bundle.files.length === 1 ? '' : 's'}, ${formatKb(bundle.bytes)}, ~${formatCount(bundle.token_estimate)} tokens${redacted}`;
}

/**
 * The review file: a header with the model (the one actually used) and generated_at, as the kit wrote
 * them, plus the reviewer, the model asked for, session, tokens, duration and bundle; then the review.
 */
export function renderReviewFile(header: ReviewHeader, review: string): string {
  const tokens = header.tokens ? `input ${formatCount(header.tokens.input)}, output ${formatCount(header.tokens.output)}, total ${formatCount(header.tokens.total)}` : 'not reported';
  return [
    `# Plan review (${header.reviewer})`,
    '',
    `- reviewer: ${header.reviewer}`,
    `- model: ${header.modelUsed ?? 'not reported'}`,
    `- model_requested: ${header.modelRequested ?? `${header.reviewer} default`}`,
    `- session_id: ${header.sessionId ?? 'not reported'}`,
    `- tokens: ${tokens}`,
    `- duration_ms: ${header.durationMs}`,
    `- generated_at: ${header.generatedAt}`,
    `- pr: ${header.pr}`,
    `- bundle: ${describeBundle(header.bundle)}: ${header.bundle.files.join(', ')}`,
    '',
    '---',
    '',
    review.trim(),
    '',
  ].join('\n');
}

/** What the dry-run stub records: the header fields, the bundle it would send, and what is missing. */
export interface DryRunStub extends Pick<ReviewHeader, 'reviewer' | 'modelRequested' | 'generatedAt' | 'pr' | 'bundle'> {
  /** The bundle text, as the reviewer would read it on stdin. */
  bundleText?: string;
  /** The plan options file that does not exist yet (a real review needs it). */
  missingPlanOptions?: string;
}

/**
 * `--dry-run`, as the kit wrote it: a stub that names the model and holds the bundle it would send; no
 * reviewer was called. Plan options that do not exist yet are named, not refused.
 */
export function renderDryRunStub(stub: DryRunStub): string {
  const model = stub.modelRequested ?? `${stub.reviewer} default`;
  const lines = [
    `# Plan review (${stub.reviewer}, dry run)`,
    '',
    `- reviewer: ${stub.reviewer}`,
    `- model: ${model}`,
    `- generated_at: ${stub.generatedAt}`,
    `- pr: ${stub.pr}`,
    `- bundle: ${describeBundle(stub.bundle)}: ${stub.bundle.files.join(', ')}`,
    ...(stub.missingPlanOptions ? [`- plan_options: ${stub.missingPlanOptions} (missing: write it before the real review)`] : []),
    '- dry_run: true',
    '',
    `Dry run: no reviewer was called. Without --dry-run, ${stub.reviewer} (${model}) reviews the bundle below and its review replaces this file.`,
    '',
  ];
  if (stub.bundleText !== undefined) lines.push('## Bundle', '', ...fenced(stub.bundleText), '');
  return lines.join('\n');
}

/** The text in a code fence longer than any backtick run inside it, so the bundle cannot end it early. */
function fenced(text: string): string[] {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}markdown`, text.endsWith('\n') ? text.slice(0, -1) : text, fence];
}

/** Writes the file whole or not at all (temp file and rename), creating its folder. */
export async function writeReviewFile(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, text);
}
