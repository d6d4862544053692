import type { AgentExit } from '../supervise/spawn-agent.js';
import type { ApprovalPolicy, SandboxMode } from './codex/command.js';
import type { AgentEventParser, AgentEventState } from './agent-events.js';

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

/** One agent CLI: codex today; gemini, claude and custom commands plug in the same way. */
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
   * The usage it reports counts the whole resumed session (codex), so a resumed run's share is the
   * difference; false or absent: each run reports its own (gemini, claude).
   */
  cumulativeUsage?: boolean;
}
