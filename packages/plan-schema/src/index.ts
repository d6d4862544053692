// Schemas and types of every planwright file format.
/** Task statuses, the task schema, and per-run token usage. */
export { TASK_STATUSES, TaskStatusSchema, TaskSchema, UsageSchema, tokensOf } from './schemas/task.js';
export type { Task, TaskStatus, Usage } from './schemas/task.js';
/** A task's own limits on tokens, dollars and minutes (plan.json `budget`). */
export { BudgetSchema } from './schemas/budget.js';
export type { Budget } from './schemas/budget.js';
/** The file-name-safe pattern every task id (and PR name) must match. */
export { TASK_ID_PATTERN, TaskIdSchema } from './schemas/common.js';
/** plan.json. */
export { PlanSchema, OpenspecLinkSchema } from './schemas/plan.js';
export type { Plan } from './schemas/plan.js';
/** results/<id>.json, the agent handshake. */
export { RESULT_STATUSES, ResultStatusSchema, ResultsSchema } from './schemas/results.js';
export type { Results, ResultStatus } from './schemas/results.js';
/**
 * The handshake as text, from the leaf package `@planwright/handshake` (re-exported so callers need one
 * import): the brief's section, written and read back by the scripted models, and the prompts that repeat it.
 */
export { HANDSHAKE_HEADING, renderHandshakeBlock, readHandshakeBlock, resultsTemplate } from '@planwright/handshake';
export type { HandshakeTarget, HandshakeBlock, ResultsTemplate } from '@planwright/handshake';
/** The handshake modes, the instruction lines of a prompt, the reminder turn's message. */
export { HANDSHAKE_MODES, handshakeInstructions, reminderPrompt } from '@planwright/handshake';
export type { Handshake, HandshakeProblem } from '@planwright/handshake';
/** Results count only with this task's and this invocation's ids (stale ones say which id differs). */
export { checkHandshake } from './results/check-handshake.js';
export type { HandshakeCheck, HandshakeIds } from './results/check-handshake.js';
/** Results data read the way the kit did (task/id aliases, missing status = completed). */
export { normalizeResults } from './results/normalize-results.js';
export type { NormalizedResults } from './results/normalize-results.js';
/** JSON as models write it: fenced, commented, trailing commas, BOM; the repairs are reported. */
export { parseTolerantJson } from './results/tolerant-json.js';
export type { Repair, TolerantParse } from './results/tolerant-json.js';
/** meta.json, heartbeat.json and agent_pids.json of a run directory. */
export {
  RUN_STATUSES,
  RunStatusSchema,
  MetaSchema,
  TaskRunStateSchema,
  HeartbeatSchema,
  AgentPidsSchema,
  AgentProcessSchema,
} from './schemas/run-files.js';
export type { RunStatus, Meta, TaskRunState, Heartbeat, AgentPids } from './schemas/run-files.js';
/** The `--verify-overrides` file of specflow plan. */
export { VerifyOverridesSchema, TaskOverrideSchema } from './schemas/verify-overrides.js';
export type { VerifyOverrides, TaskOverride } from './schemas/verify-overrides.js';
/** JSON Schema generated from the zod schemas. */
export { SCHEMAS, SCHEMA_BASE_URL, jsonSchemaFor } from './schemas/json-schema.js';
export type { SchemaName } from './schemas/json-schema.js';

// Reading, validating and writing plans.
/** A plan file that cannot be used, with file, JSON path and what is wrong. */
export { PlanError } from './errors.js';
export type { PlanErrorLocation } from './errors.js';
/** Load and validate a plan.json. */
export { loadPlan, parsePlanText, readPlanText, planErrorFromProblems } from './plan/load-plan.js';
export type { LoadPlanOptions } from './plan/load-plan.js';
/** Validate parsed plan JSON and collect every problem. */
export { checkPlanData } from './plan/validate-plan.js';
export type { PlanCheck } from './plan/validate-plan.js';
/** The `validate-plan --json` document of a plan file, and the one "no such task" error. */
export { validatePlanFile } from './plan/plan-validation.js';
export type { PlanValidation, PlanValidationProblem } from './plan/plan-validation.js';
export { findTask } from './plan/find-task.js';
export type { PlanProblem } from './plan/problem.js';
/** Locked, atomic read-modify-write of a plan. */
export { updatePlan } from './plan/update-plan.js';
export type { UpdatePlanOptions, PlanUpdate } from './plan/update-plan.js';
/** `--repo/--pr` or `--plan` to a plan file. */
export { resolvePlanFile, displayPath } from './plan/locate-plan.js';
export type { PlanLocation, ResolvedPlan } from './plan/locate-plan.js';
/** The one PR-name rule (`PR_42` -> `.plans/pr-42/`, a folder named as typed found first) and the kit's slug rule. */
export { prFolderName, resolvePrDir, slugify, toSlug } from './plan/pr-name.js';
export type { PrDirOptions } from './plan/pr-name.js';
/** JSON parsing with line and column in errors; the one output style; atomic writes; the file lock. */
export { parseJsonText, stringifyJson } from './json/parse-json.js';
export { writeFileAtomic } from './json/write-file-atomic.js';
export type { WriteFileAtomicOptions } from './json/write-file-atomic.js';
export { formatJsonPath } from './json/format-path.js';
/** The nesting limit of every JSON file planwright reads, checked without recursion before the parse. */
export { findTooDeep, formatLongJsonPath, MAX_JSON_DEPTH } from './json/check-depth.js';
export type { TooDeep } from './json/check-depth.js';
export { withFileLock, LockTimeoutError } from './lock/file-lock.js';
export type { FileLockOptions } from './lock/file-lock.js';

// The dependency graph.
/** Runnable tasks, waves, the critical path. */
export { runnableTasks, planWaves, criticalPath, taskStatus, isFinished, nextDocument } from './graph/queries.js';
export { buildDependencyGraph, findCycle, compareIds } from './graph/dependency-graph.js';
export type { DependencyGraph } from './graph/dependency-graph.js';

// Status changes and the planner's records.
/** Status transitions that also write their bookkeeping fields. */
export { startTask, markAgentDone, markBlocked, markPaused, markVerified, reopenTask, timestamp } from './status/transitions.js';
export type { StartTaskOptions, VerifyTaskOptions } from './status/transitions.js';
/** The status view of a plan. */
export { summarizePlan, formatCounts } from './status/summary.js';
export type { PlanSummary, TaskRow } from './status/summary.js';
export { renderStatus } from './status/render-status.js';
/** MASTER.md, the append-only planner log. */
export { appendMasterLog, masterLogPath, formatEntry } from './log/master-log.js';
export type { MasterLogEntry } from './log/master-log.js';
/** The planner's verdict on a task (the kit's mark-verified). */
export { markTaskVerified, masterEntryText } from './verify/mark-verified.js';
export type { MarkVerifiedOptions, MarkVerifiedResult } from './verify/mark-verified.js';
