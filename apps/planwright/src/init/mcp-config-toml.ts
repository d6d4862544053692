import { isDeepStrictEqual } from 'node:util';
import { UsageError } from '@planwright/cli-kit';
import { parse, TomlError } from 'smol-toml';
import { MCP_SERVER_NAME, type McpServerCommand } from './mcp-clients.js';

type TomlTable = Record<string, unknown>;

const HINT = 'fix the file, or move it away and run again';

function parseToml(text: string, file: string): TomlTable {
  try {
    return parse(text) as TomlTable;
  } catch (error) {
    const where = error instanceof TomlError ? `:${error.line}:${error.column}` : '';
    throw new UsageError(`${file}${where}: invalid TOML (${(error as Error).message.split('\n')[0]})`, { hint: HINT });
  }
}

function serverOf(config: TomlTable): TomlTable | undefined {
  const servers = config.mcp_servers as TomlTable | undefined;
  const entry = servers?.[MCP_SERVER_NAME];
  return typeof entry === 'object' && entry !== null ? (entry as TomlTable) : undefined;
}

/** planwright's `[mcp_servers.planwright]` table in a codex `config.toml` text, if any. */
export function readTomlServer(text: string, file: string): TomlTable | undefined {
  return serverOf(parseToml(text, file));
}

const HEADER = /^\s*\[\s*mcp_servers\s*\.\s*(?:planwright|"planwright")\s*\]\s*(?:#.*)?$/;
const ANY_HEADER = /^\s*\[/;
const OWN_KEY = /^\s*(command|args)\s*=/;

/**
 * The text with `[mcp_servers.planwright]` saying `command` and `args`, edited as text so the comments,
 * the order and every other table stay as they were: the table's `command` and `args` lines are
 * replaced (its other keys, such as `env` or `startup_timeout_sec`, kept), or the table is appended.
 * The result is parsed again and must differ from the original only in those two keys.
 */
export function withTomlServer(text: string, file: string, server: McpServerCommand): string {
  const before = parseToml(text, file);
  const existing = serverOf(before);
  if (existing && existing.command === server.command && isDeepStrictEqual(existing.args, server.args)) return text;
  const own = [`command = ${JSON.stringify(server.command)}`, `args = ${JSON.stringify(server.args)}`];
  const lines = text.split('\n');
  const start = lines.findIndex((line) => HEADER.test(line));
  let next: string;
  if (start === -1) {
    if (existing) throw new UsageError(`${file}: mcp_servers.planwright is not written as a [mcp_servers.planwright] table`, { hint: 'rewrite it as one, or remove it and run again' });
    const base = text === '' || text.endsWith('\n') ? text : `${text}\n`;
    next = `${base}${base.trim() === '' ? '' : '\n'}[mcp_servers.${MCP_SERVER_NAME}]\n${own.join('\n')}\n`;
  } else {
    let end = lines.findIndex((line, index) => index > start && ANY_HEADER.test(line));
    if (end === -1) end = lines.length;
    const kept: string[] = [];
    for (let index = start + 1; index < end; index++) {
      const line = lines[index]!;
      if (!OWN_KEY.test(line)) {
        kept.push(line);
        continue;
      }
      // A multi-line `args = [` runs to its closing bracket.
      if (/=\s*\[[^\]]*$/.test(line)) while (index + 1 < end && !lines[index]!.includes(']')) index++;
    }
    next = [...lines.slice(0, start + 1), ...own, ...kept, ...lines.slice(end)].join('\n');
  }
  const after = parseToml(next, file);
  const { [MCP_SERVER_NAME]: written, ...otherServers } = (after.mcp_servers ?? {}) as TomlTable;
  const { [MCP_SERVER_NAME]: _old, ...otherBefore } = (before.mcp_servers ?? {}) as TomlTable;
  const { command: _c, args: _a, ...extraAfter } = written as TomlTable;
  const { command: _oc, args: _oa, ...extraBefore } = existing ?? {};
  const { mcp_servers: _s, ...restAfter } = after;
  const { mcp_servers: _os, ...restBefore } = before;
  if (!isDeepStrictEqual(otherServers, otherBefore) || !isDeepStrictEqual(extraAfter, extraBefore) || !isDeepStrictEqual(restAfter, restBefore)) {
    throw new UsageError(`${file}: cannot set [mcp_servers.planwright] without changing other settings`, { hint: 'set command and args in that table by hand' });
  }
  return next;
}
