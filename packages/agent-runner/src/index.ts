/** The orchestrator: run the runnable tasks of a plan with code agents (codex-orchestrate as a library). */
export { orchestrate } from './orchestrate/orchestrate.js';
export type { OrchestrateOptions, OrchestrateResult, OrchestratorEvent, TaskOutcome, Handshake } from './orchestrate/options.js';
/** The checks orchestrate() runs before its first write (a UsageError, nothing changed), on their own. */
export { preflight } from './orchestrate/preflight.js';
export type { CheckedRun } from './orchestrate/preflight.js';
/** The task brief and the prompt an agent gets. */
export { renderBrief, renderPrompt } from './orchestrate/brief.js';
/** The one-task starter plan written from a goal. */
export { defaultPlan } from './orchestrate/default-plan.js';
/** orchestrator.toml: where it is and what it may set. */
export { loadOrchestratorConfig, orchestratorConfigPath, OrchestratorConfigSchema } from './config/orchestrator-config.js';
export type { OrchestratorConfig } from './config/orchestrator-config.js';
/** Agent adapters: the interface, and the Codex CLI. */
export type { AgentAdapter, AgentFactory, AgentLaunch, AgentSettings, BuiltinAdapter, LaunchContext } from './adapters/adapter.js';
export type { AgentEventState, AgentEventParser } from './adapters/agent-events.js';
export { codexAdapter } from './adapters/codex/codex-adapter.js';
export { findCodex } from './adapters/codex/find-codex.js';
export { findOnPath, isExecutable } from './adapters/find-on-path.js';
export { probeCodex, parseCapabilities } from './adapters/codex/probe.js';
export type { CodexCapabilities } from './adapters/codex/probe.js';
export { codexExecArgs, codexResumeArgs } from './adapters/codex/command.js';
export type { CodexExecOptions } from './adapters/codex/command.js';
/** The kit's sandbox modes and approval policies, which every adapter maps onto its CLI. */
export { SANDBOX_MODES, APPROVAL_POLICIES } from './adapters/access.js';
export type { SandboxMode, ApprovalPolicy } from './adapters/access.js';
export { codexEventParser } from './adapters/codex/events.js';
/** Process supervision: agents in their own process group, logs followed with bounded memory. */
export { spawnAgent } from './supervise/spawn-agent.js';
export type { AgentProcess, AgentExit, SpawnAgentOptions } from './supervise/spawn-agent.js';
export { LogFollower } from './supervise/log-follower.js';
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
export { clash, canRunBeside } from './orchestrate/conflicts.js';
/** Agent adapters by name: codex, gemini, claude, or a custom agent of orchestrator.toml. */
export { createAdapter, knownAgents, builtinAdapter, builtinAdapters } from './adapters/registry.js';
/** The registry itself (name -> adapter factory): the one list of built-in agents. */
export { AGENTS, DEFAULT_AGENT } from './adapters/agents.js';
/** What run-store's doctor needs to know about agents (session ids in logs, resume commands), from the registry. */
export { doctorAgents } from './adapters/doctor-agents.js';
export type { CreateAdapterOptions } from './adapters/registry.js';
export { AgentConfigSchema, BUILTIN_AGENTS } from './config/agents-config.js';
export type { AgentConfig, BuiltinAgent } from './config/agents-config.js';
/** The Gemini CLI as a code agent: args, stream-json events, exit codes, the settings home that bounds retries. */
export { geminiAdapter, GEMINI_DEFAULT_MAX_RETRIES } from './adapters/gemini/gemini-adapter.js';
export type { GeminiAdapterOptions } from './adapters/gemini/gemini-adapter.js';
export { geminiArgs } from './adapters/gemini/command.js';
export type { GeminiRunOptions } from './adapters/gemini/command.js';
export { geminiEventParser } from './adapters/gemini/events.js';
export { describeGeminiExit, geminiHttpStatusOfExit, GEMINI_EXIT_CODES } from './adapters/gemini/exit-codes.js';
export type { GeminiExitCode } from './adapters/gemini/exit-codes.js';
export { probeGemini, parseGeminiCapabilities } from './adapters/gemini/probe.js';
export type { GeminiCapabilities } from './adapters/gemini/probe.js';
export { prepareGeminiSettingsHome } from './adapters/gemini/settings-home.js';
export type { GeminiSettingsHome, GeminiSettingsHomeOptions } from './adapters/gemini/settings-home.js';
/** Claude Code as a code agent: args, stream-json events, exit reasons, IS_SANDBOX and retry bound. */
export { claudeAdapter, claudeEnv, CLAUDE_DEFAULT_MAX_RETRIES } from './adapters/claude/claude-adapter.js';
export type { ClaudeAdapterOptions } from './adapters/claude/claude-adapter.js';
export { claudeArgs } from './adapters/claude/command.js';
export type { ClaudeRunOptions } from './adapters/claude/command.js';
export { claudeEventParser } from './adapters/claude/events.js';
export { describeClaudeExit } from './adapters/claude/exit-codes.js';
export { probeClaude, parseClaudeCapabilities } from './adapters/claude/probe.js';
export type { ClaudeCapabilities } from './adapters/claude/probe.js';
/** Custom agents: command templates with {prompt_file}, {brief}, {results}, {run_id}, {task_id}, {code_dir}, {run_dir}. */
export { customAdapter, CUSTOM_EVENTS, CUSTOM_STDIN } from './adapters/custom/custom-adapter.js';
export type { CustomAgentSpec } from './adapters/custom/custom-adapter.js';
export { expandTemplate, unknownPlaceholders, PLACEHOLDERS } from './adapters/custom/template.js';
export type { Placeholder } from './adapters/custom/template.js';
export { textEventParser } from './adapters/custom/text-events.js';
/** Finding and probing an agent CLI once (cached by binary). */
export { findAgentCli, probeCli } from './adapters/cli-probe.js';
export type { AgentCliSpec, CliProbe } from './adapters/cli-probe.js';

/** Notifications of a run (`--notify`): targets read and checked, events sent, failures logged, never thrown. */
export { createNotifier, NOTIFY_LOG } from './notify/notifier.js';
export type { Notifier, NotifierOptions } from './notify/notifier.js';
/** A notification target: `command:<template>`, `http(s)://`, `slack:`, `ntfy:` or `desktop`. */
export { parseNotifyTarget, NotifyTargetError, NOTIFY_TARGET_FORMS, NOTIFY_PLACEHOLDERS } from './notify/notify-target.js';
export type { NotifyTarget, WebhookBody } from './notify/notify-target.js';
/** The events (task_blocked, task_paused, run_finished, budget_80) and their one-line text. */
export { NOTIFY_EVENTS, messageText } from './notify/notify-event.js';
export type { NotifyEvent, NotifyEventName, NotifyMessage } from './notify/notify-event.js';
/** The JSON a webhook target posts, per body (planwright's, Slack's, ntfy's). */
export { webhookRequest } from './notify/send-webhook.js';
/** Why a run stopped, from its outcomes and the plan it left. */
export { whyStopped } from './orchestrate/why-stopped.js';
export type { WhyStoppedInput } from './orchestrate/why-stopped.js';
