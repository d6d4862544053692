// Run directories: layout and ids.
/** The paths of a run folder (pure), and the PR's runs root. */
export { runLayout, prRunsRoot } from './layout/run-layout.js';
export type { RunLayout } from './layout/run-layout.js';
/** Run ids (`YYYYmmdd-HHMMSS-<pid>-<hex>`) and run folder names, parsed and ordered. */
export { newInvocationRunId, newRunDirName, runStamp, parseRunId, compareRunIds } from './layout/run-id.js';
export type { ParsedRunId } from './layout/run-id.js';
/** Pick and create the run folder of an invocation; the plan snapshot of the full layout. */
export { prepareRunDir, writePlanSnapshot } from './layout/prepare-run-dir.js';
export type { PrepareRunDirOptions } from './layout/prepare-run-dir.js';
/** How the orchestrator learns that an agent finished (declared once, in plan-schema's handshake module). */
export type { Handshake } from '@planwright/plan-schema';
/** The run folders under a runs root, oldest first, and the newest one. */
export { runDirNames, newestRunDir } from './layout/run-dirs.js';

// Run files, written atomically.
/** meta.json: write, read, and queued read-modify-write updates (per task too). */
export { writeMeta, readMeta, parseMeta, updateMeta, updateTaskRunState } from './files/meta.js';
/** control/heartbeat.json. */
export { writeHeartbeat, readHeartbeat } from './files/heartbeat.js';
export type { HeartbeatUpdate } from './files/heartbeat.js';
/** control/agent_pids.json, in planwright's form or the Python kit's `{task_id: pid}`. */
export { recordAgentProcess, readAgentProcesses } from './files/agent-pids.js';
export type { AgentProcess, AgentProcessInput } from './files/agent-pids.js';
/** One queue per file for read-modify-write cycles inside one process. */
export { serialized } from './files/json-file.js';

// Control.
/** control/stop: ask a run to launch no further task; check for it. */
export { requestStop, isStopRequested } from './control/stop.js';
export type { RequestStopOptions } from './control/stop.js';

// The results handshake.
/** Check results/<id>.json against task and run id; read one results file. */
export { checkResults, readResultsFile, moveAsideStale } from './results/check-results.js';
export type { ResultsCheck, ResultsFile } from './results/check-results.js';
/** A task's results once its agent is done: repairs made plain JSON, a file written in the code dir moved in. */
export { settleResults } from './results/settle-results.js';
export type { SettleResultsOptions } from './results/settle-results.js';
/** Read results data the way the kit did (task/id aliases, missing status = completed). */
export { normalizeResults } from '@planwright/plan-schema';
export type { NormalizedResults } from '@planwright/plan-schema';
/** Results written for an agent that ended without valid ones. */
export { writeFallbackResults } from './results/fallback.js';
export type { FallbackResultsOptions } from './results/fallback.js';
/** The end of a log, read without reading the rest. */
export { readLogTail } from './results/log-tail.js';
export type { LogTailOptions } from './results/log-tail.js';
/** Wait for valid results (fs.watch plus a slow poll), or for a done file. */
export { watchForResults, watchForDoneFile } from './results/watch.js';
export type { WatchOptions } from './results/watch.js';

// Processes.
/** Is a pid alive, when did it start, is it still the same process, which group is it in. */
export { isProcessAlive, processStartTime, isSameProcess, processGroupOf, START_TIME_TOLERANCE_MS } from './process/alive.js';
/** End a process group (TERM, grace, KILL) and nothing else; or one process; list a group. */
export { terminateProcessGroup, terminateProcess, processGroupMembers } from './process/terminate.js';
export type { TerminateOptions, TerminateResult } from './process/terminate.js';
/** The ps line of a process, for people. */
export { psLine, PS_COLUMNS } from './process/ps-line.js';

// Listing, sync, doctor.
/** Where a PR's runs are (`--repo`, `--pr`, `--run-root`). */
export { locateRuns } from './runs/locate-runs.js';
export type { RunsLocation, LocatedRuns } from './runs/locate-runs.js';
/** The runs of a PR, newest first, from meta.json alone. */
export { listRuns, listPrRuns } from './runs/list-runs.js';
export type { RunSummary } from './runs/list-runs.js';
/** Why a run stopped (meta.json's `stopped_because`), read and said in a few words. */
export { describeStop, readStopReason } from './runs/stop-reason.js';
export type { StopReason, StopReasonName } from './runs/stop-reason.js';
/** A PR at a glance: the plan's summary and its latest run (`planwright status --json`). */
export { prStatus, ACTIVE_RUN_STATUSES } from './runs/pr-status.js';
export type { PrStatus, PrStatusOptions } from './runs/pr-status.js';
export { budgetStatus } from './runs/budget-status.js';
export type { BudgetLimits, BudgetSpent, BudgetStatus } from './runs/budget-status.js';
/** One run with its tasks' results, logs and agents. */
export { showRun } from './runs/show-run.js';
export type { RunDetails, RunTaskDetails, ShowRunOptions } from './runs/show-run.js';
export type { ResultsSummary } from './runs/results-summary.js';
/** plan.json from the runs: newest results, and reconcile of dead in_progress tasks. */
export { syncPlan } from './sync/sync-plan.js';
export type { SyncPlanOptions, SyncReport } from './sync/sync-plan.js';
export { decideSync } from './sync/decide.js';
export type { SyncChange } from './sync/decide.js';
/** The newest results of each task across runs. */
export { collectNewestResults } from './sync/collect-results.js';
export type { ResultsCandidate } from './sync/collect-results.js';
/** Is anything still working on an in_progress task (its agent, or its orchestrator)? */
export { taskAgentState } from './sync/agent-state.js';
export type { AgentState } from './sync/agent-state.js';
/** Inspect a stuck task; end its agent; print the rerun and resume commands. */
export { doctor } from './doctor/doctor.js';
export type { DoctorOptions, DoctorReport } from './doctor/doctor.js';
export { killAgent } from './doctor/kill-agent.js';
export type { KillReport } from './doctor/kill-agent.js';
export type { RerunCommands } from './doctor/rerun.js';
/** The thread id an agent announced in its log, found by the agent's own line reader. */
export { threadIdFromLog } from './doctor/thread-id.js';
/** What doctor asks its caller about agents (session ids, resume commands): run-store knows none. */
export type { DoctorAgents, ResumeCommand, ResumeCommandInput } from './doctor/doctor-agents.js';

// Errors.
/** A run folder or run file that cannot be used; the watchers' abort. */
export { RunStoreError, AbortError } from './errors.js';
/** A failed file-system call as a one-line RunStoreError: `cannot <action> <path>: <CODE>`, with a hint. */
export { fsError } from './fs-errors.js';
export type { RunStoreErrorOptions } from './errors.js';
