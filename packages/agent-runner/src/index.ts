/** The orchestrator: run the runnable tasks of a plan with code agents (codex-orchestrate as a library). */
export { orchestrate } from './orchestrate/orchestrate.js';
export type { OrchestrateOptions, OrchestrateResult, OrchestratorEvent, TaskOutcome, Handshake } from './orchestrate/options.js';
/** The checks orchestrate() runs before its first write (a UsageError, nothing changed), on their own. */
export { preflight } from './orchestrate/preflight.js';
export type { CheckedRun } from './orchestrate/preflight.js';
/** The seam for executors that run claimed tasks elsewhere (@planwright/workers). */
export type {
  AdoptedTask,
  ExecuteHooks,
  ExecutorContext,
  ExecutorFactories,
  ExecutorFactory,
  RemoteTaskReport,
  RemoteTaskRequest,
  RemoteTaskSettings,
  TaskExecutor,
  TaskPlacement,
} from './orchestrate/executor.js';
/** Where a task's time goes, phase by phase, as JSON lines in the file PLANWRIGHT_TIMINGS names (the workers benchmark). */
export { taskTimings } from './orchestrate/remote/task-timings.js';
export type { TaskTimings } from './orchestrate/remote/task-timings.js';
/** The task brief an agent gets. */
export { renderBrief } from './orchestrate/brief.js';
/** orchestrator.toml: where it is and what it may set. */
export { loadOrchestratorConfig, orchestratorConfigPath, OrchestratorConfigSchema } from './config/orchestrator-config.js';
export type { OrchestratorConfig } from './config/orchestrator-config.js';
/** Agent adapters: the interface, and the default agent's (Codex) adapter. */
export type { AgentAdapter, AgentFactory, AgentLaunch, AgentSettings, BuiltinAdapter, LaunchContext } from './adapters/adapter.js';
export type { AgentEventState, AgentEventParser } from './adapters/agent-events.js';
export { codexAdapter } from './adapters/codex/codex-adapter.js';
export { findOnPath, isExecutable } from './adapters/find-on-path.js';
/** The kit's sandbox modes and approval policies, which every adapter maps onto its CLI. */
export { SANDBOX_MODES, APPROVAL_POLICIES } from './adapters/access.js';
export type { SandboxMode, ApprovalPolicy } from './adapters/access.js';
/** Process supervision: agents in their own process group, logs followed with bounded memory. */
export { spawnAgent } from './supervise/spawn-agent.js';
export type { AgentProcess, AgentExit, SpawnAgentOptions } from './supervise/spawn-agent.js';
export { superviseTask } from './supervise/supervise-task.js';
/** The pre-plan research agent. */
export { runResearch } from './research/research.js';
export type { ResearchOptions, ResearchResult } from './research/research.js';
/** Which agent CLIs are installed, logged in, and from which npm package: every agent of the registry. */
export { checkAgents, agentLoginState, agentNpmPackage, agentOptionalFlags } from './check/check-agents.js';
export type { AgentCheck, LoginState } from './check/check-agents.js';
/** Errors. */
export { AgentRunnerError, AgentNotFoundError } from './errors.js';
/** Run a CLI to its end in its own process group: stdin given and closed, bounded output, a timeout that ends the group. */
export { runSupervised } from './supervise/run-supervised.js';
export type { RunSupervisedOptions, SupervisedRun } from './supervise/run-supervised.js';
/** Verification: a task's verify commands, in their own process groups, with timeouts. */
export { runVerify } from './verify/run-verify.js';
export type { RunVerifyOptions, VerifyOutcome, VerifyFailure } from './verify/run-verify.js';
export { verifyTask } from './verify/verify-task.js';
export type { VerifyTaskOptions, VerifyTaskResult } from './verify/verify-task.js';
/** The scheduler and its rule for tasks that may run at the same time. */
export { schedule } from './orchestrate/scheduler.js';
export { canRunBeside } from './orchestrate/conflicts.js';
/** Agent adapters by name: codex, gemini, claude, or a custom agent of orchestrator.toml. */
export { createAdapter, knownAgents } from './adapters/registry.js';
/** The registry itself (name -> adapter factory): the one list of built-in agents. */
export { AGENTS, DEFAULT_AGENT } from './adapters/agents.js';
/** What run-store's doctor needs to know about agents (session ids in logs, resume commands), from the registry. */
export { doctorAgents } from './adapters/doctor-agents.js';
export type { CreateAdapterOptions } from './adapters/registry.js';
/** The Gemini CLI's exit codes, which gemini-review reads too (one map). Everything else of an agent is its adapter's, reached through the registry. */
export { geminiHttpStatusOfExit, GEMINI_EXIT_CODES } from './adapters/gemini/exit-codes.js';
export type { GeminiExitCode } from './adapters/gemini/exit-codes.js';
/** Claude Code's environment (IS_SANDBOX as root, the retry bound), for callers that run claude themselves. */
export { claudeEnv } from './adapters/claude/claude-adapter.js';
/** Notifications of a run (`--notify`): targets read and checked, events sent, failures logged, never thrown. */
export { createNotifier } from './notify/notifier.js';
export type { Notifier, NotifierOptions } from './notify/notifier.js';
/** The events: task_blocked, task_paused, run_finished, budget_80. */
export type { NotifyEvent } from './notify/notify-event.js';
