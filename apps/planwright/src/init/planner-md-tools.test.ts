import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tempDir } from '@planwright/test-utils';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { plannerToolsSection } from './planner-md-tools.js';

const bin = fileURLToPath(new URL('../../dist/bin/planwright.js', import.meta.url));

/** The tool names of `planwright mcp`, asked over stdio as any client does (initialize, then tools/list). */
async function serverTools(repo: string): Promise<string[]> {
  const messages = [
    { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'planner-md-test', version: '0' } } },
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { jsonrpc: '2.0', id: 2, method: 'tools/list' },
  ];
  // stdin ends after the three messages: the server answers them, then exits as a client that left.
  const run = await execa(process.execPath, [bin, 'mcp', '--repo', repo], { input: messages.map((message) => JSON.stringify(message)).join('\n') + '\n', reject: false, timeout: 30_000 });
  const listed = String(run.stdout).split('\n').filter(Boolean).map((line) => JSON.parse(line)).find((message) => message.id === 2);
  expect(listed?.result?.tools, run.stderr).toBeDefined();
  return listed.result.tools.map((tool: { name: string }) => tool.name);
}

describe('PLANNER.md: the MCP tools section', () => {
  it('names every tool the server has, and no tool it lacks', async () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: build planwright first (npx -y pnpm@12.21.0 build)`);
    const table = plannerToolsSection().split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| step') && !line.startsWith('| ---'));
    const named = new Set(table.flatMap((row) => [...row.split(' | ')[1]!.matchAll(/`([a-z_]+)`/g)].map((match) => match[1]!)));
    expect([...named].sort()).toEqual((await serverTools(await tempDir())).sort());
  });
});
