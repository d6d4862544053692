/** Reads the brief a prompt points at, and the handshake section of a brief (results path, run id, task id, the JSON to write). */
export { findBriefRefs, type BriefRefs } from './brief-refs.mjs';
/** What every scripted model server records, and the shape of its scripts. */
export type { RecordedRequest } from './http-server.js';
export type { Script, ScriptFunction, ScriptedServer } from './script.js';
/** A scripted Responses API server for the real `codex`, its reply builders and a CODEX_HOME pointing at it. */
export { startCodexServer, type CodexServer, type CodexServerOptions } from './codex-server.js';
export { codexReply, type CodexReply, type CodexItem, type CodexUsage, type CodexReplyOptions } from './codex-replies.js';
export { prepareCodexHome, type CodexHome, type PrepareCodexHomeOptions } from './codex-home.js';
/** A script that plays a Codex agent following its brief: writes the results file the prompt names. */
export { followBriefAgent, type FollowBriefAgentOptions } from './follow-brief-agent.js';
/** The ways the follow-brief scripts get the results handshake wrong, as real models do (their `lapse` option). */
export { HANDSHAKE_LAPSES, STALE_RUN_ID, type HandshakeLapse } from './handshake-lapse.js';
/** Where a Codex agent stands in its turn: the refs its prompt names, its cwd, the tool calls answered so far. */
export { readCodexTurn, type CodexTurn } from './codex-turn.js';
/** A script that plays a Codex agent through scripted tool calls per task, and shell commands that write its files and results. */
export { codexTaskAgent, resultsCommand, writeFileCommand, type TaskSteps, type ResultsFields } from './codex-task-agent.js';
/** A scripted Gemini API server for the real `gemini`, its reply builders and a GEMINI_CLI_HOME. */
export { startGeminiServer, type GeminiServer, type GeminiServerOptions } from './gemini-server.js';
export { geminiReply, type GeminiReply, type GeminiPart, type GeminiUsage, type GeminiReplyOptions } from './gemini-replies.js';
export { prepareGeminiHome, type GeminiHome, type PrepareGeminiHomeOptions } from './gemini-home.js';
/** A scripted Messages API server for the real `claude`, its reply builders and a HOME for it. */
export { startClaudeServer, type ClaudeServer, type ClaudeServerOptions } from './claude-server.js';
export { claudeReply, type ClaudeReply, type ClaudeBlock, type ClaudeUsage, type ClaudeReplyOptions } from './claude-replies.js';
export { prepareClaudeHome, type ClaudeHome, type PrepareClaudeHomeOptions } from './claude-home.js';
/** Scripts that play a Gemini or Claude agent following its brief: they write the results file the prompt names. */
export { followBriefGemini } from './follow-brief-gemini.js';
export { followBriefClaude } from './follow-brief-claude.js';
/** A planner that drives planwright's MCP server by tool calls alone (status, add_tasks, start_run, wait_run, mark_verified), for codex and Claude Code. */
export { nextPlannerStep, readToolResult, type PlannerCall, type PlannerOptions, type PlannerStep } from './planner-steps.js';
export { codexPlanner, codexPlannerCalls } from './codex-planner.js';
export { claudePlanner, claudePlannerCalls } from './claude-planner.js';
/** A scripted OpenAI Chat Completions server for the real `qwen` (Qwen Code), its reply builders, a HOME for it, and a script that follows the brief. */
export { startQwenServer, type QwenServer, type QwenServerOptions } from './qwen-server.js';
export { qwenReply, type QwenReply, type QwenToolCall, type QwenUsage, type QwenReplyOptions } from './qwen-replies.js';
export { prepareQwenHome, type QwenHome, type PrepareQwenHomeOptions } from './qwen-home.js';
export { followBriefQwen } from './follow-brief-qwen.js';
