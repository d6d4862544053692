import { relative } from 'node:path';
import { codexTrustsProject } from './codex-trust.js';
import type { InitMcpResult } from './init-mcp.js';

/**
 * What `init --mcp` tells a person: the file and what happened to it, then what the client still needs
 * before it starts the server (codex: a trusted project; claude: approving a project `.mcp.json`).
 */
export async function initMcpLines(result: InitMcpResult, repo: string, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const shown = result.scope === 'project' ? relative(repo, result.file) : result.file;
  const lines = [`mcp ${result.client}: ${result.action} ${shown} (server "planwright": ${[result.server.command, ...result.server.args].join(' ')})`];
  if (result.scope === 'project' && result.client === 'codex' && !(await codexTrustsProject(repo, env))) {
    lines.push('note: codex reads .codex/config.toml only in a trusted project: start codex here once and trust the folder, or use --global');
  }
  if (result.scope === 'project' && result.client === 'claude') {
    lines.push('note: claude asks once to approve the project\'s .mcp.json; in -p mode pass --mcp-config .mcp.json --allowedTools mcp__planwright');
  }
  return lines;
}
