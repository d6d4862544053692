/** Temp folders that are removed when the current test finishes. */
export { tempDir, writeFiles } from './temp-dir.js';
/** Temp git repositories with an isolated config. */
export { tempGitRepo, git, isolatedGitEnv } from './git-repo.js';
/** A temp folder with a `.plans/<PR>/plan.json`. */
export { tempPlanRepo } from './plan-repo.js';
export type { TempPlanRepo, TempPlanRepoOptions } from './plan-repo.js';
/** The fake Codex CLI for fast orchestrator tests, and a PATH folder that holds it as `codex`. */
export { fakeCodexPath, fakeCodexOnPath } from './fake-codex.js';
/** Reads the brief path, results path, run id and task id that an orchestrator prompt names. */
export { findBriefRefs, type BriefRefs } from './servers/brief-refs.js';
/** The real agent CLIs installed as devDependencies of this package. */
export { agentCliPath, type AgentCliName } from './servers/agent-cli-path.js';
/** What every scripted model server records, and the shape of its scripts. */
export type { RecordedRequest } from './servers/http-server.js';
export type { Script, ScriptFunction, ScriptedServer } from './servers/script.js';
/** A scripted Responses API server for the real `codex`, its reply builders and a CODEX_HOME pointing at it. */
export { startCodexServer, type CodexServer, type CodexServerOptions } from './servers/codex-server.js';
export { codexReply, type CodexReply, type CodexItem, type CodexUsage, type CodexReplyOptions } from './servers/codex-replies.js';
export { prepareCodexHome, type CodexHome, type PrepareCodexHomeOptions } from './servers/codex-home.js';
/** A script that plays a Codex agent following its brief: writes the results file the prompt names. */
export { followBriefAgent, type FollowBriefAgentOptions } from './servers/follow-brief-agent.js';
/** A scripted Gemini API server for the real `gemini`, its reply builders and a GEMINI_CLI_HOME. */
export { startGeminiServer, type GeminiServer, type GeminiServerOptions } from './servers/gemini-server.js';
export { geminiReply, type GeminiReply, type GeminiPart, type GeminiUsage, type GeminiReplyOptions } from './servers/gemini-replies.js';
export { prepareGeminiHome, type GeminiHome, type PrepareGeminiHomeOptions } from './servers/gemini-home.js';
/** A scripted Messages API server for the real `claude`, its reply builders and a HOME for it. */
export { startClaudeServer, type ClaudeServer, type ClaudeServerOptions } from './servers/claude-server.js';
export { claudeReply, type ClaudeReply, type ClaudeBlock, type ClaudeUsage, type ClaudeReplyOptions } from './servers/claude-replies.js';
export { prepareClaudeHome, type ClaudeHome, type PrepareClaudeHomeOptions } from './servers/claude-home.js';
/** Scripts that play a Gemini or Claude agent following its brief: they write the results file the prompt names. */
export { followBriefGemini } from './servers/follow-brief-gemini.js';
export { followBriefClaude } from './servers/follow-brief-claude.js';
