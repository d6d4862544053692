/** The orchestrator: run the runnable tasks of a plan with code agents (codex-orchestrate as a library). */
export { orchestrate } from './orchestrate/orchestrate.js';
export type { OrchestrateOptions, OrchestrateResult, OrchestratorEvent, TaskOutcome, Handshake } from './orchestrate/options.js';
/** The task brief and the prompt an agent gets. */
export { renderBrief, renderPrompt } from './orchestrate/brief.js';
/** The one-task starter plan written from a goal. */
export { defaultPlan } from './orchestrate/default-plan.js';
/** orchestrator.toml: where it is and what it may set. */
export { loadOrchestratorConfig, orchestratorConfigPath, OrchestratorConfigSchema } from './config/orchestrator-config.js';
export type { OrchestratorConfig } from './config/orchestrator-config.js';
/** Agent adapters: the interface, and the Codex CLI. */
export type { AgentAdapter, AgentLaunch, LaunchContext } from './adapters/adapter.js';
export type { AgentEventState, AgentEventParser } from './adapters/agent-events.js';
export { codexAdapter } from './adapters/codex/codex-adapter.js';
export { findCodex, findOnPath } from './adapters/codex/find-codex.js';
export { probeCodex, parseCapabilities } from './adapters/codex/probe.js';
export type { CodexCapabilities } from './adapters/codex/probe.js';
export { codexExecArgs, codexResumeArgs, SANDBOX_MODES, APPROVAL_POLICIES } from './adapters/codex/command.js';
export type { SandboxMode, ApprovalPolicy, CodexExecOptions } from './adapters/codex/command.js';
export { codexEventParser } from './adapters/codex/events.js';
/** Process supervision: agents in their own process group, logs followed with bounded memory. */
export { spawnAgent } from './supervise/spawn-agent.js';
export type { AgentProcess, AgentExit, SpawnAgentOptions } from './supervise/spawn-agent.js';
export { LogFollower } from './supervise/log-follower.js';
export { superviseTask } from './supervise/supervise-task.js';
/** The pre-plan research agent. */
export { runResearch } from './research/research.js';
export type { ResearchOptions, ResearchResult } from './research/research.js';
/** Which agent CLIs are installed. */
export { checkAgents } from './check/check-agents.js';
export type { AgentCheck } from './check/check-agents.js';
/** Errors. */
export { AgentRunnerError, AgentNotFoundError } from './errors.js';
