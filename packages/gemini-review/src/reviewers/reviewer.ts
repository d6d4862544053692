import type { SupervisedRun } from '@planwright/agent-runner';
import type { ReviewerName } from '../model-gate.js';

/** Tokens of the review call, as the reviewer CLI reported them. */
export interface Tokens {
  input: number;
  output: number;
  total: number;
}

/** What every reviewer gets: the bundle and the checked options. */
export interface ReviewerContext {
  /** Absolute repository root. */
  repo: string;
  bundle: string;
  /** Passed the gate; undefined means the CLI's own default (codex, claude). */
  model: string | undefined;
  /** Model API attempts per request (1 = no retry). */
  maxAttempts: number;
  env: NodeJS.ProcessEnv;
}

/** How to run the reviewer CLI. */
export interface ReviewerCall {
  args: string[];
  cwd: string;
  /** The whole environment of the CLI. */
  env: Record<string, string | undefined>;
  stdin: string;
}

/** What the CLI really did. */
export interface ReviewerOutcome {
  review: string;
  modelUsed: string | null;
  sessionId: string | null;
  tokens: Tokens | null;
}

/** A CLI that can review a plan read-only: how to find it, call it, and read its answer. */
export interface Reviewer {
  name: ReviewerName;
  /** The binary (`$<NAME>_BIN`, else on PATH); AgentNotFoundError when there is none. */
  findBin(env: NodeJS.ProcessEnv, cwd: string): string;
  prepare(context: ReviewerContext): Promise<ReviewerCall>;
  /** The review from a run that exited by itself, or a ReviewerError saying why there is none. */
  read(run: SupervisedRun, context: ReviewerContext): Promise<ReviewerOutcome>;
}
