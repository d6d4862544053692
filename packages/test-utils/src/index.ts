/** Temp folders that are removed when the current test finishes. */
export { tempDir, writeFiles, type TempDirOptions } from './temp-dir.js';
/** Temp git repositories with an isolated config. */
export { tempGitRepo, git, isolatedGitEnv } from './git-repo.js';
/** A temp folder with a `.plans/<PR>/plan.json`. */
export { tempPlanRepo } from './plan-repo.js';
export type { TempPlanRepo, TempPlanRepoOptions } from './plan-repo.js';
/** The fake Codex CLI for fast orchestrator tests, and a PATH folder that holds it as `codex`. */
export { fakeCodexPath, fakeCodexOnPath, fakeCodexEnv } from './fake-codex.js';
/** A pending plan task whose brief tells the fake codex what to do (`fake-agent: <mode>` lines). */
export { fakeAgentTask, type FakeAgentTaskFields } from './fake-agent-task.js';
/** The real agent CLIs installed as devDependencies of this package. */
export { agentCliPath, type AgentCliName } from './servers/agent-cli-path.js';
/** The scripted model servers for the real Codex, Gemini, Claude and Qwen Code CLIs live in @planwright/scripted-models; re-exported here. */
export {
  findBriefRefs,
  type BriefRefs,
  type RecordedRequest,
  type Script,
  type ScriptFunction,
  type ScriptedServer,
  startCodexServer,
  type CodexServer,
  type CodexServerOptions,
  codexReply,
  type CodexReply,
  type CodexItem,
  type CodexUsage,
  type CodexReplyOptions,
  type CodexHome,
  followBriefAgent,
  type FollowBriefAgentOptions,
  HANDSHAKE_LAPSES,
  STALE_RUN_ID,
  type HandshakeLapse,
  readCodexTurn,
  type CodexTurn,
  codexTaskAgent,
  resultsCommand,
  writeFileCommand,
  type TaskSteps,
  type ResultsFields,
  startGeminiServer,
  type GeminiServer,
  type GeminiServerOptions,
  geminiReply,
  type GeminiReply,
  type GeminiPart,
  type GeminiUsage,
  type GeminiReplyOptions,
  type GeminiHome,
  startClaudeServer,
  type ClaudeServer,
  type ClaudeServerOptions,
  claudeReply,
  type ClaudeReply,
  type ClaudeBlock,
  type ClaudeUsage,
  type ClaudeReplyOptions,
  type ClaudeHome,
  followBriefGemini,
  followBriefClaude,
  startQwenServer,
  type QwenServer,
  type QwenServerOptions,
  qwenReply,
  type QwenReply,
  type QwenToolCall,
  type QwenUsage,
  type QwenReplyOptions,
  type QwenHome,
  followBriefQwen,
} from '@planwright/scripted-models';
/** CODEX_HOME, GEMINI_CLI_HOME, a claude HOME and a qwen HOME for a scripted server, in a temp folder removed after the test unless `dir` is given. */
export {
  prepareCodexHome,
  prepareGeminiHome,
  prepareClaudeHome,
  prepareQwenHome,
  type PrepareCodexHomeOptions,
  type PrepareGeminiHomeOptions,
  type PrepareClaudeHomeOptions,
  type PrepareQwenHomeOptions,
} from './servers/homes.js';
/** A real redis-server on a free port for one test, with stop/restart (append-only, so a restart keeps the queues). */
export { startRedis, type TestRedis, type StartRedisOptions } from './redis.js';
