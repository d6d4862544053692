/** The plan critique: bundle, gates, the reviewer CLI read-only, the review file. */
export { reviewPlan } from './review-plan.js';
export type { ReviewOptions, ReviewResult } from './options.js';
/** The model gate: which models may review (UsageError naming the rule and a model that passes). */
export { checkModel, REVIEWERS, DEFAULT_GEMINI_MODEL } from './model-gate.js';
export type { ReviewerName } from './model-gate.js';
/** The bundle the reviewer reads: its files, rendering, size and secret checks, with nothing sent. */
export { prepareBundle } from './bundle/prepare-bundle.js';
export type { PrepareBundleOptions, PreparedBundle } from './bundle/prepare-bundle.js';
/** The files of a bundle in the kit's order, and the default `--plan-options`. */
export { collectBundleFiles, defaultPlanOptions } from './bundle/collect-files.js';
export type { BundleFile, BundleSources } from './bundle/collect-files.js';
/** The bundle text: a header, then each file under `# FILE: <path>`. */
export { renderBundle } from './bundle/render-bundle.js';
/** The bundle's size and token estimate, and the `--max-bundle-kb` guard. */
export { bundleStats, checkBundleSize, DEFAULT_MAX_BUNDLE_KB } from './bundle/size-guard.js';
export type { BundleStats } from './bundle/size-guard.js';
/** Likely secrets (key blocks, token shapes, .env-style assignments) with file and line, and their redaction. */
export { findSecrets, redactSecrets } from './secrets/scan-secrets.js';
export type { SecretFinding } from './secrets/scan-secrets.js';
/** What the reviewer is asked. */
export { REVIEW_PROMPT } from './prompt.js';
/** The reviewer CLIs (gemini, codex, claude) and what a reviewer is. */
export { reviewers } from './reviewers/index.js';
export type { Reviewer, ReviewerCall, ReviewerContext, ReviewerOutcome, Tokens } from './reviewers/reviewer.js';
/** The folder whose project settings bound gemini's retries. */
export { geminiWorkspaceDir } from './reviewers/gemini-workspace.js';
/** The review file and the dry-run stub. */
export { renderReviewFile, renderDryRunStub } from './review-file.js';
export type { DryRunStub, ReviewHeader } from './review-file.js';
/** A reviewer call that delivered no review (auth, rate limit, server error, timeout, ...). */
export { ReviewerError } from './errors.js';
export type { ReviewerFailure } from './errors.js';
