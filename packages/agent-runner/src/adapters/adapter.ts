import type { ResumeCommand, ResumeCommandInput } from '@planwright/run-store';
import type { AgentExit } from '../supervise/spawn-agent.js';
import type { ApprovalPolicy, SandboxMode } from './access.js';
import type { AgentEventParser, AgentEventState } from './agent-events.js';
import type { AgentCheck, LoginState } from './agent-check.js';
import type { UsageLimit } from './usage-limit.js';

/** What the orchestrator knows when it starts an agent on a task. */
export interface LaunchContext {
  taskId: string;
  codeDir: string;
  runDir: string;
  /** The prompt (also saved as tasks/<id>.prompt.txt). */
  prompt: string;
  briefPath: string;
  resultsPath: string;
  lastMessagePath: string;
  sandbox: SandboxMode;
  approval: ApprovalPolicy;
  model?: string;
  env: NodeJS.ProcessEnv;
  /** tasks/<id>.prompt.txt, where the prompt is saved (custom agents' `{prompt_file}`). */
  promptPath?: string;
  /** The invocation's run id (custom agents' `{run_id}`); read from meta.json when absent. */
  runId?: string;
}

/** How to start one agent: the command, its stdin, and the parser for its events. */
export interface AgentLaunch {
  bin: string;
  args: string[];
  stdin?: string;
  env?: Record<string, string | undefined>;
  parser: AgentEventParser;
}

/**
 * One agent CLI, and everything planwright knows about it: how to start and resume it, how to read its
 * events and exit codes, and (for a built-in agent) how to check it, its login and its npm package.
 * Custom `[agents.<name>]` commands fill in what their table can say.
 */
export interface AgentAdapter {
  name: string;
  launch(context: LaunchContext): Promise<AgentLaunch>;
  /** The same agent's session, continued with a new prompt. */
  resume?(context: LaunchContext, sessionId: string): Promise<AgentLaunch>;
  /** The interactive form, when the CLI has one (`--interactive-code`). */
  interactive?(context: LaunchContext): Promise<AgentLaunch>;
  /**
   * A clear reason for a non-zero exit, from the CLI's own exit codes (gemini: 41 authentication, 173 a
   * 429...) and what its events said; undefined when the code means nothing more than "failed".
   */
  describeExit?(exit: AgentExit, state: AgentEventState): string | undefined;
  /**
   * The rate or usage limit a failed run ended on (its exit code, its error events, the reset time they
   * name), so the task is paused until the reset instead of blocked; undefined for any other ending.
   */
  usageLimit?(exit: AgentExit, state: AgentEventState): UsageLimit | undefined;
  /**
   * The usage it reports counts the whole resumed session (codex), so a resumed run's share is the
   * difference; false or absent: each run reports its own (gemini, claude).
   */
  cumulativeUsage?: boolean;
  /** A fresh parser of its output, e.g. to find the session id in a log (doctor). */
  events?(): AgentEventParser;
  /**
   * The command that resumes a session by hand (doctor --print-rerun), built without probing the CLI;
   * absent when the agent cannot resume.
   */
  resumeCommand?(input: ResumeCommandInput): ResumeCommand;
  /** The npm package that installs it, for install hints. */
  npmPackage?: string;
  /** Installed? Which version, and the flags planwright passes: from the same cached probe as launch. */
  check?(env: NodeJS.ProcessEnv): Promise<AgentCheck>;
  /** Flags of its check whose absence is no problem, since planwright maps around them (codex `fullAuto`). */
  optionalFlags?: readonly string[];
  /** Whether the CLI can reach its model (logged in, or an API key), asked the way this CLI can tell. */
  loginState?(bin: string, env: NodeJS.ProcessEnv): Promise<LoginState>;
  /**
   * How `[agents.<name>] max_retries` applies: `true` when it bounds this agent's retries, else a hint on
   * where its retries are set instead.
   */
  maxRetries?: true | { hint: string };
}

/** The settings of its `[agents.<name>]` table that a built-in adapter's factory receives. */
export interface AgentSettings {
  /** `max_retries`, for adapters whose `maxRetries` is `true`. */
  maxRetries?: number;
  /** Where probe caches (and gemini's settings homes) live (default `$XDG_CACHE_HOME/planwright`). */
  cacheDir?: string;
}

/** A built-in agent: an adapter that also checks itself, knows its login and its package, reads its events. */
export type BuiltinAdapter = AgentAdapter & Required<Pick<AgentAdapter, 'events' | 'npmPackage' | 'check' | 'loginState' | 'maxRetries'>>;

/** What the registry holds per built-in agent: builds the adapter from its table's settings. No I/O. */
export type AgentFactory = (settings: AgentSettings) => BuiltinAdapter;
