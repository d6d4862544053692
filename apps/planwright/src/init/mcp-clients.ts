import { homedir } from 'node:os';
import { join } from 'node:path';

/** The agent CLIs `planwright init --mcp` can configure. */
export const MCP_CLIENTS = ['codex', 'claude', 'gemini'] as const;
export type McpClient = (typeof MCP_CLIENTS)[number];

/** The name planwright's server has in every client's configuration (codex: `mcp__planwright`). */
export const MCP_SERVER_NAME = 'planwright';

/** What starts the server: the `planwright` bin on PATH, cwd the project the client runs in. */
export interface McpServerCommand {
  command: string;
  args: string[];
}

export const DEFAULT_SERVER_COMMAND: McpServerCommand = { command: 'planwright', args: ['mcp'] };

export interface McpConfigLocation {
  client: McpClient;
  /** `project` (in the repository, shared with the team) or `global` (the user's own configuration). */
  scope: 'project' | 'global';
  file: string;
  format: 'toml' | 'json';
}

/**
 * Where each CLI reads its MCP servers, as checked against the installed versions: codex 0.169 reads
 * `[mcp_servers.*]` from `$CODEX_HOME/config.toml` and, once the project is trusted, from the project's
 * `.codex/config.toml`; Claude Code reads the project's `.mcp.json` and the user's `~/.claude.json`
 * (under `CLAUDE_CONFIG_DIR` when set); Gemini CLI reads `mcpServers` from the project's and the user's
 * `.gemini/settings.json` (the user's under `GEMINI_CLI_HOME` when set).
 */
export function mcpConfigLocation(options: { client: McpClient; global?: boolean; repo: string; env?: NodeJS.ProcessEnv }): McpConfigLocation {
  const env = options.env ?? process.env;
  const home = env.HOME || homedir();
  const scope = options.global ? 'global' : 'project';
  switch (options.client) {
    case 'codex':
      return { client: 'codex', scope, format: 'toml', file: options.global ? join(codexHome(env), 'config.toml') : join(options.repo, '.codex', 'config.toml') };
    case 'claude':
      return { client: 'claude', scope, format: 'json', file: options.global ? join(env.CLAUDE_CONFIG_DIR || home, '.claude.json') : join(options.repo, '.mcp.json') };
    case 'gemini':
      return { client: 'gemini', scope, format: 'json', file: join(options.global ? env.GEMINI_CLI_HOME || home : options.repo, '.gemini', 'settings.json') };
  }
}

/** `$CODEX_HOME`, else `~/.codex`. */
export function codexHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.CODEX_HOME || join(env.HOME || homedir(), '.codex');
}
