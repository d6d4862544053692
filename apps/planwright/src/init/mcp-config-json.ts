import { isDeepStrictEqual } from 'node:util';
import { UsageError } from '@planwright/cli-kit';
import { MCP_SERVER_NAME, type McpClient, type McpServerCommand } from './mcp-clients.js';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The parsed document, refused in one line (file and field) when it is not what the client reads either. */
function parseSettings(text: string, file: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`, { hint: 'fix the file, or move it away and run again' });
  }
  if (!isObject(parsed)) throw new UsageError(`${file}: the top level must be a JSON object`, { hint: 'fix the file, or move it away and run again' });
  if (parsed.mcpServers !== undefined && !isObject(parsed.mcpServers)) {
    throw new UsageError(`${file}: mcpServers must be an object of servers by name`, { hint: 'fix the field, or remove it and run again' });
  }
  return parsed;
}

/** planwright's entry in a `.mcp.json` / `settings.json` / `.claude.json` text, if any. */
export function readJsonServer(text: string, file: string): JsonObject | undefined {
  const servers = parseSettings(text, file).mcpServers as JsonObject | undefined;
  const entry = servers?.[MCP_SERVER_NAME];
  return isObject(entry) ? entry : undefined;
}

/**
 * The text with `mcpServers.planwright` set to `server`: every other key and server is kept, and so are
 * the entry's own extra keys (env, timeout, trust) a person added. Returns the text unchanged when the
 * entry already says the same, so a second run writes nothing.
 */
export function withJsonServer(text: string, file: string, client: McpClient, server: McpServerCommand): string {
  const settings = parseSettings(text, file);
  const servers = (settings.mcpServers as JsonObject | undefined) ?? {};
  const existing = isObject(servers[MCP_SERVER_NAME]) ? (servers[MCP_SERVER_NAME] as JsonObject) : {};
  // Claude Code writes `type: "stdio"` itself (`claude mcp add`); Gemini CLI infers the transport.
  const entry = { ...existing, ...(client === 'claude' ? { type: 'stdio' } : {}), command: server.command, args: server.args };
  if (isDeepStrictEqual(existing, entry)) return text;
  return `${JSON.stringify({ ...settings, mcpServers: { ...servers, [MCP_SERVER_NAME]: entry } }, null, 2)}\n`;
}
