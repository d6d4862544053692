import type { Handshake } from '@planwright/plan-schema';
import type { StopReason } from '@planwright/run-store';
import type { ExecutorFactories } from './executor.js';
import type { TableOptions } from './option-types.js';

export type { Handshake };

/**
 * Everything codex-orchestrate can be told: the Python kit's flags, one for one, and a few more. The
 * options with a flag come from the option table (option-table.ts: their help says what each does);
 * the rest are the library's alone.
 */
export interface OrchestrateOptions extends TableOptions {
  /** Where the plan and its context live (`.plans/<PR>`); its name is the PR name. */
  planDir: string;
  /** Where the agents change code. */
  codeDir: string;
  /** Goal for a new plan (when plan.json does not exist yet). */
  goal?: string;
  /** Environment for the agents (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** SIGINT/SIGTERM of the caller: end our agents, record `stopped`, keep the plan consistent. */
  signal?: AbortSignal;
  /**
   * The executors `--executor` may name, by URL scheme (`redis`, `rediss`): the umbrella CLI passes
   * @planwright/workers' (see `runCommandWith`). None: `--executor` is refused.
   */
  executors?: ExecutorFactories;
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
  /** The agent hit a usage or rate limit: the task waits until `until` (ISO), then resumes its session. */
  | { type: 'task-paused'; taskId: string; agent: string; until: string; reason: string }
  /** The agent ended its turn without valid results: its session is resumed with a reminder (`problem`: missing, invalid, stale run_id...). */
  | { type: 'reminder'; taskId: string; reminder: number; problem: string }
  | { type: 'commit'; taskId: string; sha?: string; note?: string }
  | { type: 'merge'; taskId: string; method: string; conflicts?: string[] }
  | { type: 'waiting'; taskId: string; target: string }
  /** A line of the agent's own output, with --stream-agent-output. */
  | { type: 'agent-output'; taskId: string; line: string }
  | { type: 'task-finished'; outcome: TaskOutcome }
  /** A worker took the task (again after a stall: a higher attempt), with --executor. */
  | { type: 'placed'; taskId: string; host: string; worker: string; attempt: number }
  | { type: 'warning'; message: string }
  /** Said once about the set-up (a CODEX_ORCH_CONFIG naming no file); the CLIs print it on stderr. */
  | { type: 'notice'; message: string };

/** How one task ended in this invocation. */
export interface TaskOutcome {
  taskId: string;
  /** The plan status it was left in. */
  /** `skipped`: another orchestrator claimed the task first (nothing ran here); `paused`: stopped while it waited out a usage limit. */
  status: 'agent_done' | 'done' | 'blocked' | 'in_progress' | 'skipped' | 'paused';
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
  /** Why the run stopped (also meta.json's `stopped_because`): done, blocked, budget, paused until T... */
  stoppedBecause?: StopReason;
}
