import type { PlanSummary } from '@planwright/plan-schema';
import type { FoundCli } from './find-cli.js';

export type DemoStepName = 'sample' | 'init' | 'proposal' | 'plan' | 'research' | 'review' | 'run' | 'status' | 'mcp' | 'planner';

/** The steps in the order they run. */
export const DEMO_STEPS: readonly DemoStepName[] = ['sample', 'init', 'proposal', 'plan', 'research', 'review', 'run', 'status'];

/** The steps of `demo --planner`: a planner agent drives planwright through its MCP server. */
export const PLANNER_DEMO_STEPS: readonly DemoStepName[] = ['sample', 'mcp', 'proposal', 'planner', 'status'];

/** How one step went. */
export interface DemoStep {
  step: DemoStepName;
  ok: boolean;
  /** What the step did and where, or why it failed: one line (two for the run: its commits). */
  summary: string;
  /** Where its files are: a name -> an absolute path. */
  files: Record<string, string>;
  duration_ms: number;
  /** What the library call returned, trimmed to what a reader checks. */
  details?: Record<string, unknown>;
}

/** A line of progress while the run step works (a task started or finished). */
export type DemoProgress =
  | { type: 'task-started'; taskId: string; agent: string }
  | { type: 'task-finished'; taskId: string; status: string; verified?: boolean; commit?: string; durationMs: number; reason?: string }
  | { type: 'tool-call'; tool: string; ok: boolean; error?: string };

export interface DemoOptions {
  /** Keep the temp folder (default: removed at the end, also on failure or interruption). */
  keep?: boolean;
  /** The real model providers with the user's own login instead of the scripted servers. */
  live?: boolean;
  /** The planner flow instead: the real Codex as planner drives planwright through `planwright mcp` (scripted models only). */
  planner?: boolean;
  /** Timeout of each agent and of the reviewer (default 2 minutes, 20 with `live`). */
  agentTimeoutMinutes?: number;
  /** Where the temp folder is made (default the OS temp dir). */
  tmpRoot?: string;
  /** The user's environment (default process.env): PATH, CODEX_BIN, GEMINI_BIN, and with `live` the logins. */
  env?: NodeJS.ProcessEnv;
  /** Aborting ends the running agent's process group, then cleans up. */
  signal?: AbortSignal;
  /** Called as the CLIs are found, before any step. */
  onStart?: (start: { mode: 'scripted' | 'live'; clis: FoundCli[]; dir: string; flow: 'workflow' | 'planner' }) => void;
  /** Called when a step has finished. */
  onStep?: (step: DemoStep) => void;
  onProgress?: (progress: DemoProgress) => void;
}

/** What the demo did: the `--json` output. */
export interface DemoResult {
  ok: boolean;
  /** 0 every step passed; 1 a step failed; 130 interrupted. */
  exitCode: number;
  mode: 'scripted' | 'live';
  /** `workflow` (the CLI steps) or `planner` (a planner agent through the MCP server). */
  flow: 'workflow' | 'planner';
  /** The temp folder, and the sample repository in it. */
  dir: string;
  repo: string;
  kept: boolean;
  pr: string;
  change: string;
  clis: FoundCli[];
  steps: DemoStep[];
  /** `<short sha> <subject>` of the commits the run made. */
  commits: string[];
  status?: PlanSummary;
  /** With `keep`: the command that opens the live board on the kept folder; null otherwise. */
  board_command: string | null;
  duration_ms: number;
}
