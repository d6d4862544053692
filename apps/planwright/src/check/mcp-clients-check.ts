import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { delimiter, isAbsolute, join, relative, resolve } from 'node:path';
import { codexTrustsProject } from '../init/codex-trust.js';
import { MCP_CLIENTS, type McpClient, type McpConfigLocation, mcpConfigLocation } from '../init/mcp-clients.js';
import { readJsonServer } from '../init/mcp-config-json.js';
import { readTomlServer } from '../init/mcp-config-toml.js';
import type { CheckItem } from './check-item.js';

export interface McpCheckOptions {
  repo: string;
  env: NodeJS.ProcessEnv;
}

/**
 * One `mcp <client>` line per agent CLI: where planwright's MCP server is configured for it (the
 * project's file first, as the CLIs prefer it), and what would stop the CLI from starting it. Never
 * `missing`: a workflow driven from the command line needs none of them.
 */
export async function mcpClientItems(options: McpCheckOptions): Promise<CheckItem[]> {
  return Promise.all(MCP_CLIENTS.map((client) => clientItem(client, options)));
}

async function clientItem(client: McpClient, { repo, env }: McpCheckOptions): Promise<CheckItem> {
  const name = `mcp ${client}`;
  for (const global of [false, true]) {
    const location = mcpConfigLocation({ client, global, repo, env });
    if (!existsSync(location.file)) continue;
    let entry: Record<string, unknown> | undefined;
    try {
      const text = await readFile(location.file, 'utf8');
      entry = location.format === 'toml' ? readTomlServer(text, location.file) : readJsonServer(text, location.file);
    } catch (error) {
      return { name, state: 'note', detail: `${(error as Error).message} (fix it, then planwright init --mcp ${client})` };
    }
    if (entry) return configuredItem(name, location, entry, repo, env);
  }
  return { name, state: 'note', detail: `not configured (planwright init --mcp ${client}, or --global)` };
}

async function configuredItem(name: string, location: McpConfigLocation, entry: Record<string, unknown>, repo: string, env: NodeJS.ProcessEnv): Promise<CheckItem> {
  const shown = location.scope === 'project' ? relative(repo, location.file) : location.file;
  const command = typeof entry.command === 'string' ? entry.command : '';
  const args = Array.isArray(entry.args) ? entry.args.map(String) : [];
  const detail = `${shown} starts "${[command, ...args].join(' ')}"`;
  if (!onPath(command, env)) return { name, state: 'note', detail: `${detail}, but ${command || 'its command'} is not on PATH (install planwright, or set the full path)` };
  if (location.client === 'codex' && location.scope === 'project' && !(await codexTrustsProject(repo, env))) {
    return { name, state: 'note', detail: `${detail}, but codex reads it only once the project is trusted (start codex here and trust it)` };
  }
  return { name, state: 'ok', detail };
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  if (!command) return false;
  if (isAbsolute(command)) return existsSync(command);
  return (env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(resolve(join(dir, command))));
}
