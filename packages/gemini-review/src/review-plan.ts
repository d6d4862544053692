import { join, resolve } from 'node:path';
import { runSupervised } from '@planwright/agent-runner';
import { prFolderName, timestamp } from '@planwright/plan-schema';
import { defaultPlanOptions } from './bundle/collect-files.js';
import { prepareBundle } from './bundle/prepare-bundle.js';
import { ReviewerError } from './errors.js';
import { checkModel, DEFAULT_GEMINI_MODEL } from './model-gate.js';
import { checkOutput, checkRepo, checkReviewOptions, type ReviewOptions, type ReviewResult } from './options.js';
import { renderDryRunStub, renderReviewFile, writeReviewFile } from './review-file.js';
import { reviewers } from './reviewers/index.js';

/** Between TERM and KILL when a reviewer that ran out of time is ended. */
const GRACE_MS = 4_000;

/**
 * The plan critique: bundles the plan options with the PR's context and research, checks the model gate,
 * the secrets and the size, asks the reviewer CLI (Gemini by default) read-only, and writes the review
 * file atomically with the model actually used, the session, tokens and duration in its header. Bad input
 * throws a UsageError before anything is written; a failed review throws a ReviewerError and writes nothing.
 *
 * @example
 * const result = await reviewPlan({ repo: '.', pr: 'pr-42' });
 * console.log(`${result.output}: ${result.model_used}, ${result.tokens?.total} tokens`);
 */
export async function reviewPlan(options: ReviewOptions): Promise<ReviewResult> {
  const settings = checkReviewOptions(options);
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const repo = resolve(cwd, options.repo ?? '.');
  const pr = prFolderName({ pr: options.pr, repo });
  const model = options.model ?? (settings.reviewer === 'gemini' ? DEFAULT_GEMINI_MODEL : undefined);
  checkModel(settings.reviewer, model);
  checkRepo(repo, options.repo);
  const bundle = await prepareBundle({
    repo,
    pr,
    planOptions: options.planOptions ? resolve(cwd, options.planOptions) : defaultPlanOptions(repo, pr),
    planOptionsGiven: options.planOptions !== undefined,
    // As the kit's: a dry run shows what would be sent even before the plan options exist.
    planOptionsOptional: Boolean(options.dryRun),
    extra: (options.extra ?? []).map((file) => resolve(cwd, file)),
    generatedAt: timestamp(),
    maxBundleKb: settings.maxBundleKb,
    redact: settings.redact,
    allowSecrets: settings.allowSecrets,
  });
  const output = resolve(cwd, options.out ?? join(repo, '.plans', pr, 'preplan', 'GEMINI_PLAN_REVIEW.md'));
  checkOutput(output, options.out);
  const reviewer = reviewers[settings.reviewer];
  const base = { output, model_requested: model ?? null, reviewer: reviewer.name, bundle: bundle.stats, missing_plan_options: bundle.missingPlanOptions ?? null };
  if (options.dryRun) {
    options.onBundle?.(bundle.stats);
    const stub = { reviewer: reviewer.name, modelRequested: model ?? null, generatedAt: timestamp(), pr, bundle: bundle.stats };
    await writeReviewFile(output, renderDryRunStub({ ...stub, bundleText: bundle.text, missingPlanOptions: bundle.missingPlanOptions }));
    return { ...base, model_used: null, session_id: null, tokens: null, duration_ms: 0, dry_run: true };
  }
  const bin = reviewer.findBin(env, cwd);
  options.onBundle?.(bundle.stats);
  const context = { repo, bundle: bundle.text, model, maxAttempts: settings.maxAttempts, env };
  const call = await reviewer.prepare(context);
  const run = await runSupervised({ bin, ...call, extendEnv: false, timeoutMs: settings.timeoutMs, graceMs: options.graceMs ?? GRACE_MS, signal: options.signal });
  if (run.ending === 'timeout') {
    throw new ReviewerError(reviewer.name, 'timeout', `no review within --timeout-minutes ${settings.timeoutMinutes}; its process group was ended`, 'raise --timeout-minutes, or send a smaller bundle');
  }
  if (run.ending === 'aborted') throw new ReviewerError(reviewer.name, 'interrupted', 'interrupted; its process group was ended');
  const { review, modelUsed, sessionId, tokens } = await reviewer.read(run, context);
  const header = { reviewer: reviewer.name, modelRequested: model ?? null, modelUsed, sessionId, tokens, durationMs: run.durationMs, generatedAt: timestamp(), pr, bundle: bundle.stats };
  await writeReviewFile(output, renderReviewFile(header, review));
  return { ...base, model_used: modelUsed, session_id: sessionId, tokens, duration_ms: run.durationMs, dry_run: false };
}
