import type { Handshake } from '@planwright/plan-schema';
import type { ApprovalPolicy, SandboxMode } from '../adapters/access.js';

export type { Handshake };

/** Everything codex-orchestrate can be told: the Python kit's flags, one for one, and a few more. */
export interface OrchestrateOptions {
  /** Where the plan and its context live (`.plans/<PR>`); its name is the PR name. */
  planDir: string;
  /** Where the agents change code. */
  codeDir: string;
  /** Default `<planDir>/plan.json`. */
  planFile?: string;
  /** Goal for a new plan (when plan.json does not exist yet). */
  goal?: string;
  /** Runs go to `<runRoot>/<PR>/`; default `<planDir>/runs/`. */
  runRoot?: string;
  /** Use this run folder. */
  runDir?: string;
  reuseRun?: boolean;
  compactRun?: boolean;
  /** Default: results-json in compact runs, else done-file (as the kit). */
  handshake?: Handshake;
  /** At most this many tasks in this invocation (default 1). */
  maxTasks?: number;
  /** Run this task (whatever the order). */
  taskId?: string;
  ensureGit?: boolean;
  baselineCommit?: boolean;
  /** Branch to check out first; `<PR_NAME>` is replaced by the PR name. */
  gitBranch?: string;
  gitignoreRuns?: boolean;
  /** Show the agent's output here too (it is always in agent_<id>.log). */
  streamAgentOutput?: boolean;
  /** Give the agent this terminal (codex's interactive UI). */
  interactiveCode?: boolean;
  /** Start the agents and return; they keep running in the background. */
  noWait?: boolean;
  ghostty?: boolean;
  keepOpen?: boolean;
  /** 0 = none. */
  timeoutMinutes?: number;
  timeoutGraceSeconds?: number;
  heartbeatIntervalSeconds?: number;
  /** How long an agent that wrote its results may take to exit before its group is ended. */
  resultsGraceSeconds?: number;
  sandbox?: SandboxMode;
  approval?: ApprovalPolicy;
  model?: string;
  /** The agent for tasks that name none: codex (default), gemini, claude or a custom one of orchestrator.toml. */
  agent?: string;
  /** Tasks at once (default 1); never two of one domain, nor two that may write the same files. */
  concurrency?: number;
  /** After the agent, run the task's verify commands: all pass -> done, which unlocks dependents now. */
  autoVerify?: boolean;
  /** Follow-ups (resuming the agent's session) after failed verification, before `blocked`. Default 0. */
  retries?: number;
  /**
   * Reminder turns (default 1; 0 = none): an agent that ends its turn without valid results has its
   * session resumed with a short message naming the results file, the run id and the fields.
   */
  handshakeReminders?: number;
  /** Per verify command; default 10. */
  verifyTimeoutMinutes?: number;
  /** One commit per verified task, `<task id>: <title>`. */
  commit?: boolean;
  /** Each task in its own git worktree on `pr/<PR>/<task id>`, merged back once verified. */
  worktrees?: boolean;
  /** End an agent that emitted no event for this long, like a timeout (reason `stalled`). 0 = never. */
  stallMinutes?: number;
  /**
   * The kit's `--sync-plan` (default true): write each task's outcome (agent_done, blocked) into plan.json
   * and reconcile earlier runs at the start. false (`--no-sync-plan`): plan.json only gets the task's
   * `in_progress` claim; the outcome stays in the run folder until `planwright sync` applies it.
   */
  syncPlan?: boolean;
  /** Environment for the agents (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** SIGINT/SIGTERM of the caller: end our agents, record `stopped`, keep the plan consistent. */
  signal?: AbortSignal;
  /** Progress, for the CLI to print. */
  onEvent?: (event: OrchestratorEvent) => void;
  cwd?: string;
}

/** What the orchestrator reports as it goes (the CLI prints these as short lines). */
export type OrchestratorEvent =
  | { type: 'run'; runDir: string; planFile: string; runPlan?: string; runId: string }
  | { type: 'reconciled'; taskId: string; from: string; to: string; reason?: string }
  | { type: 'no-runnable' }
  | { type: 'stop-detected' }
  | { type: 'task-started'; taskId: string; pid: number; logPath: string; noWait: boolean; agent?: string; resumed?: boolean }
  | { type: 'verify'; taskId: string; passed: boolean; ran: number; failed?: string; logPath: string }
  | { type: 'retry'; taskId: string; attempt: number; reason: string }
  /** The agent ended its turn without valid results: its session is resumed with a reminder (`problem`: missing, invalid, stale run_id...). */
  | { type: 'reminder'; taskId: string; reminder: number; problem: string }
  | { type: 'commit'; taskId: string; sha?: string; note?: string }
  | { type: 'merge'; taskId: string; method: string; conflicts?: string[] }
  | { type: 'waiting'; taskId: string; target: string }
  /** A line of the agent's own output, with --stream-agent-output. */
  | { type: 'agent-output'; taskId: string; line: string }
  | { type: 'task-finished'; outcome: TaskOutcome }
  | { type: 'warning'; message: string }
  /** Said once about the set-up (a CODEX_ORCH_CONFIG naming no file); the CLIs print it on stderr. */
  | { type: 'notice'; message: string };

/** How one task ended in this invocation. */
export interface TaskOutcome {
  taskId: string;
  /** The plan status it was left in. */
  /** `skipped`: another orchestrator claimed the task first (nothing ran here). */
  status: 'agent_done' | 'done' | 'blocked' | 'in_progress' | 'skipped';
  /** completed | partial | failed | blocked | timeout, from the results (or the fallback). */
  resultStatus?: string;
  blockedReason?: string;
  /** The results were written by the orchestrator because the agent did not. */
  fallback: boolean;
  exitCode: number | null;
  sessionId?: string;
  usage?: Record<string, number>;
  durationMs: number;
  /** Agent runs for this task in this invocation (the first, plus follow-ups). */
  attempts?: number;
  /** Reminder turns the agent took to write its results (or not). */
  reminders?: number;
  /** With --auto-verify: whether the verify commands passed (undefined when they did not run). */
  verified?: boolean;
  /** The head before and after the task's commit, with --commit or --worktrees. */
  commit?: { before: string; after: string };
  /** With --commit in the shared checkout: files it changed that no commit took (another task running beside it names them too). */
  uncommittedFiles?: string[];
  summary?: string;
  resultsPath: string;
  logPath: string;
}

export interface OrchestrateResult {
  exitCode: number;
  runDir?: string;
  runId?: string;
  planFile: string;
  outcomes: TaskOutcome[];
}
