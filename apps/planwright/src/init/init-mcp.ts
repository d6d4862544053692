import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { writeFileAtomic } from '@planwright/plan-schema';
import { DEFAULT_SERVER_COMMAND, MCP_CLIENTS, type McpClient, type McpConfigLocation, type McpServerCommand, mcpConfigLocation } from './mcp-clients.js';
import { withJsonServer } from './mcp-config-json.js';
import { withTomlServer } from './mcp-config-toml.js';

export interface InitMcpOptions {
  /** The agent CLI to configure: codex, claude or gemini. */
  client: string;
  /** The user's own configuration instead of the project's. */
  global?: boolean;
  repo?: string;
  /** What starts the server (default `planwright mcp`). */
  server?: McpServerCommand;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface InitMcpResult extends McpConfigLocation {
  /** `created` (a new file), `updated`, or `unchanged` (it already said the same). */
  action: 'created' | 'updated' | 'unchanged';
  server: McpServerCommand;
}

/** A planned edit: nothing is written until every check has passed (see `writeMcpEdit`). */
export interface McpEdit {
  result: InitMcpResult;
  text: string;
}

/** Checks the client name and the existing file and computes the new text, without writing anything. */
export async function planMcpEdit(options: InitMcpOptions): Promise<McpEdit> {
  if (!(MCP_CLIENTS as readonly string[]).includes(options.client)) {
    throw new UsageError(`--mcp: unknown agent CLI "${options.client}"`, { hint: `use one of ${MCP_CLIENTS.join(', ')}` });
  }
  const client = options.client as McpClient;
  const repo = resolve(options.cwd ?? process.cwd(), options.repo ?? '.');
  const location = mcpConfigLocation({ client, global: options.global, repo, env: options.env });
  const server = options.server ?? DEFAULT_SERVER_COMMAND;
  const exists = existsSync(location.file);
  if (exists && !(await stat(location.file)).isFile()) throw new UsageError(`${location.file}: is not a file`, { hint: 'move it away and run again' });
  const before = exists ? await readFile(location.file, 'utf8') : '';
  const text = location.format === 'toml' ? withTomlServer(before, location.file, server) : withJsonServer(before, location.file, client, server);
  const action = !exists ? 'created' : text === before ? 'unchanged' : 'updated';
  return { result: { ...location, action, server }, text };
}

/** Writes a planned edit atomically, keeping the file's mode (`~/.claude.json` is private). */
export async function writeMcpEdit(edit: McpEdit): Promise<void> {
  const { file, action } = edit.result;
  if (action === 'unchanged') return;
  const mode = action === 'updated' ? (await stat(file)).mode & 0o777 : undefined;
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, edit.text);
  if (mode !== undefined) await chmod(file, mode);
}

/**
 * `planwright init --mcp <client>`: mounts planwright's MCP server in an agent CLI's configuration
 * (codex `.codex/config.toml`, Claude Code `.mcp.json`, Gemini CLI `.gemini/settings.json`; the user's
 * files with `global`). Idempotent; other servers and unknown keys are kept; bad input changes nothing.
 *
 * @example
 * const { file, action } = await initMcp({ client: 'claude', repo: '.' }); // .mcp.json, created
 */
export async function initMcp(options: InitMcpOptions): Promise<InitMcpResult> {
  const edit = await planMcpEdit(options);
  await writeMcpEdit(edit);
  return edit.result;
}
