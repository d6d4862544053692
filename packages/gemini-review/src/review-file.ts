import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
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
  return n.toLocaleString('en-US');
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

/** `--dry-run`: a stub that names the model and the bundle; no reviewer was called. */
export function renderDryRunStub(header: Pick<ReviewHeader, 'reviewer' | 'modelRequested' | 'generatedAt' | 'pr' | 'bundle'>): string {
  const model = header.modelRequested ?? `${header.reviewer} default`;
  return [
    `# Plan review (${header.reviewer}, dry run)`,
    '',
    `- reviewer: ${header.reviewer}`,
    `- model: ${model}`,
    `- generated_at: ${header.generatedAt}`,
    `- pr: ${header.pr}`,
    `- bundle: ${describeBundle(header.bundle)}: ${header.bundle.files.join(', ')}`,
    '- dry_run: true',
    '',
    `Dry run: no reviewer was called. Without --dry-run, ${header.reviewer} (${model}) reviews the bundle above and its review replaces this file.`,
    '',
  ].join('\n');
}

/** Writes the file whole or not at all (temp file and rename), creating its folder. */
export async function writeReviewFile(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, text);
}
