// Scaffolding.
/** Create openspec/ with project.md and the specs/, changes/, archive/ folders. */
export { initOpenspec } from './init.js';
export type { InitOptions, InitResult } from './init.js';
/** Create a change folder with proposal.md, tasks.md, design.md and specs/. */
export { createProposal } from './proposal.js';
export type { ProposalOptions, ProposalResult } from './proposal.js';
/** A change's `.openspec.yaml` (OpenSpec 1.x): schema, created, skip_specs. */
export { readChangeMetadata } from './change/change-metadata.js';
export type { ChangeMetadata } from './change/change-metadata.js';
/** The first paragraph of a proposal's `## Why` section: a 1.x plan's goal. */
export { proposalWhy } from './change/proposal-why.js';

// Checking.
/** Check a change: files, tasks and dependencies, every spec delta against the main specs. */
export { validateChange } from './validate.js';
export type { ValidateChangeOptions, ValidationReport } from './validate.js';
/** Check a main spec (`openspec/specs/<capability>/spec.md`) as `openspec validate <spec>` does. */
export { validateSpec, checkMainSpec } from './validate-spec.js';
export type { ValidateSpecOptions, SpecValidationReport } from './validate-spec.js';
/** Every active change and/or main spec in one pass (`validate --all`, `--changes`, `--specs`). */
export { validateAll } from './validate-bulk.js';
export type { ValidateAllOptions, BulkReport, BulkItem } from './validate-bulk.js';
/** `validate <name>`: a change or a main spec, resolved as OpenSpec resolves it. */
export { validateItem } from './validate-item.js';
export type { ValidateItemOptions, ItemReport } from './validate-item.js';
/** Verdict counts: errors, warnings, info (advice that never fails). */
export type { ValidationCounts } from './validate-counts.js';
/** Validation findings: the rules with their severity and fix, one-line formatting. */
export { DIAGNOSTIC_RULES, OPENSPEC_RULES, diagnostic, formatDiagnostic } from './diagnostics.js';
export type { Diagnostic, DiagnosticCode, DiagnosticInput, Severity } from './diagnostics.js';
/** Requirements that several active changes touch. */
export { findConflicts } from './conflicts.js';
export type { ConflictsOptions, ConflictsResult, Conflict, RequirementTouch } from './conflicts.js';

// Plans.
/** tasks.md to .plans/<PR>/plan.json, CONTEXT.md and a MASTER.md entry. */
export { planFromChange } from './plan/plan-from-change.js';
export type { PlanFromChangeOptions, PlanFromChangeResult } from './plan/plan-from-change.js';
/** plan.json tasks from parsed tasks.md lines, and the verify they get. */
export { buildPlanTasks } from './plan/build-tasks.js';
export type { BuildTasksInput, BuiltTasks } from './plan/build-tasks.js';
/** The repository's verify: default_verify, package.json scripts, a .xcodeproj, project.md; else the failing placeholder. */
export { detectVerify } from './plan/detect-verify.js';
export type { DetectVerifyOptions, DetectedVerify, VerifySource } from './plan/detect-verify.js';
/** Read a --verify-overrides file (errors with line and column). */
export { loadVerifyOverrides } from './plan/verify-overrides.js';
/** CONTEXT.md, the architect context pack. */
export type { ContextInput } from './plan/context-md.js';
/** plan.json progress back into tasks.md checkboxes. */
export { syncTasks } from './sync-tasks.js';
export type { SyncTasksOptions, SyncTasksResult, TaskDrift } from './sync-tasks.js';

// tasks.md.
/** Parse tasks.md (OpenSpec or spec-kit style) into tasks with groups, dependencies, paths, verify. */
export { parseTasksMd } from './tasks/parse-tasks.js';
export type { TaskItem } from './tasks/parse-tasks.js';
/** Dependencies resolved, duplicates and cycles found; the `task_001` id rule. */
export { checkTasks, taskId } from './tasks/check-tasks.js';
export type { CheckedTasks } from './tasks/check-tasks.js';

// Specs.
/** Parse a delta spec: ADDED, MODIFIED, REMOVED and RENAMED requirements. */
export { parseDeltaSpec } from './spec/parse-delta.js';
export type { DeltaSpec, DeltaOperation, DeltaRequirement, DeltaRename } from './spec/parse-delta.js';
/** The rules of one delta file on its own. */
export { checkDeltaSpec } from './spec/check-delta.js';
/** The rules of one requirement block: text, SHALL/MUST, scenarios with WHEN/THEN. */
export { checkRequirementText } from './spec/check-requirement.js';
export type { RequirementBlock } from './spec/check-requirement.js';
/** Parse a main spec around its `## Requirements` section. */
export { parseMainSpec } from './spec/parse-spec.js';
export type { MainSpec } from './spec/parse-spec.js';
/** Apply a delta to a main spec in memory. */
export { mergeDelta } from './spec/merge-delta.js';
export type { MergeResult, MergeCounts, MergeChanges, MergeContext } from './spec/merge-delta.js';
/** Merge a change's deltas into openspec/specs/ and move it to openspec/archive/, all or nothing. */
export { archiveChange } from './archive/archive-change.js';
export type { ArchiveOptions, ArchiveResult, ArchivedSpec } from './archive/archive-change.js';

// Browsing.
/** Active changes with progress; main specs with requirement counts. */
export { listChanges, listSpecs, listArchived } from './list.js';
export type { ChangeSummary, SpecSummary, ArchivedSummary } from './list.js';
/** Task progress of a tasks.md counted as OpenSpec counts it (nested and indented checkboxes too). */
export { taskProgress } from './tasks/task-progress.js';
export type { TaskProgress } from './tasks/task-progress.js';
/** One change or spec in detail. */
export { showItem } from './show.js';
export type { ShowOptions, ShowResult, ChangeDetails, DeltaDetails, SpecDetails } from './show.js';

// Layout and errors.
/** The kit's slug rule for change and PR names. */
export { slugify, toSlug } from '@planwright/plan-schema';
/** The openspec/ paths of a repository. */
export type { RepoOptions, OpenspecLayout, ChangePaths } from './layout/paths.js';
/** Which layout a repository uses (the kit's 0.x or OpenSpec 1.x) and where it archives a change. */
export { detectLayout, archiveDestination } from './layout/openspec-layout.js';
export type { LayoutKind, DetectedLayout } from './layout/openspec-layout.js';
/** Typed errors: deltas that cannot merge (exit 1), an archive write undone (exit 1), a missing name (exit 2). */
export { DeltaMergeError, ArchiveWriteError, NotFoundError } from './errors.js';
