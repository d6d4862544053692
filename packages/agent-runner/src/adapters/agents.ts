import type { AgentFactory } from './adapter.js';
import { claudeAgent } from './claude/claude-adapter.js';
import { codexAgent } from './codex/codex-adapter.js';
import { geminiAgent } from './gemini/gemini-adapter.js';
import { qwenAgent } from './qwen/qwen-adapter.js';

/**
 * The built-in agents, by name: the one list. createAdapter, knownAgents, the config checks, `check`,
 * login state, install hints and doctor's resume all read it, so a new agent is its folder plus one line
 * here (see README.md beside this file). The order is the order of `check`'s output.
 */
export const AGENTS = {
  codex: codexAgent,
  gemini: geminiAgent,
  claude: claudeAgent,
  qwen: qwenAgent,
} as const satisfies Record<string, AgentFactory>;

/** The agent a run uses when neither the flag, the task nor the config names one. */
export const DEFAULT_AGENT = 'codex';
