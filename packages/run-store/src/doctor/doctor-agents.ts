/** What a resume command is built from: the task's folders, the session, the prompt to continue with. */
export interface ResumeCommandInput {
  codeDir: string;
  runDir: string;
  sessionId: string;
  /** The run's `--sandbox` and `--approval`, when meta.json recorded them. */
  sandbox?: string;
  approval?: string;
  /** The run's `--model`, when it named one. */
  model?: string;
  /** What the resumed agent is told: finish the task, write the results. */
  prompt: string;
}

/**
 * A resume command to print: run `argv` in `cwd` (default: anywhere) with `env` added, the prompt on stdin
 * when `promptOnStdin`.
 */
export interface ResumeCommand {
  argv: string[];
  cwd?: string;
  env?: Record<string, string>;
  promptOnStdin: boolean;
}

/**
 * What doctor asks its caller about agents, since run-store knows none: agent-runner's registry gives
 * these for every agent it has (`doctorAgents()`), and a test can give its own. `agent` is the task's
 * agent as the run recorded it, undefined when the run did not say (the orchestrator's default agent).
 */
export interface DoctorAgents {
  /** The session (thread) id that one line of this agent's log announces, if it is such a line. */
  sessionIdOfLine(agent: string | undefined, line: string): string | undefined;
  /** The command that resumes the agent's session by hand; undefined when this agent cannot resume. */
  resumeCommand(agent: string | undefined, input: ResumeCommandInput): ResumeCommand | undefined;
}
