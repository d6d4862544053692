import type { ApprovalPolicy, SandboxMode } from './codex/command.js';
import type { AgentEventParser } from './agent-events.js';

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
}
