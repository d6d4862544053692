import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Task } from '@planwright/plan-schema';
import { fakeCodexEnv, tempDir, tempGitRepo, writeFiles } from '@planwright/test-utils';
import { onTestFinished } from 'vitest';
import { createPlanwrightServer } from '../src/server/create-server.js';

/** A task whose brief tells the fake codex what to do (`fake-agent: <mode>` lines). */
export function fakeTask(id: string, extra: Partial<Task> = {}): Task {
  return { id, title: `Task ${id}`, description: 'Do the work.', status: 'pending', verify: [], depends_on: [], ...extra };
}

/** A temp git repo with `.plans/pr-1/plan.json` and the environment that runs the fake codex. */
export async function planRepo(tasks: Task[], extra: Record<string, unknown> = {}) {
  const repo = await tempGitRepo({ files: { 'README.md': '# demo\n' } });
  const planFile = join(repo, '.plans', 'pr-1', 'plan.json');
  await writeFiles(repo, { '.plans/pr-1/plan.json': `${JSON.stringify({ goal: 'Ship the feature', ...extra, tasks }, null, 2)}\n` });
  return { repo, planFile, planDir: join(repo, '.plans', 'pr-1'), env: fakeCodexEnv(await tempDir('planwright-home-')) };
}

/** An SDK client connected in-process to a server of `repo`; closed when the test finishes. */
export async function memoryClient(repo: string, env?: NodeJS.ProcessEnv): Promise<Client> {
  const planwright = createPlanwrightServer({ repo, env });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '1.0.0' });
  await planwright.server.connect(serverSide);
  await client.connect(clientSide);
  onTestFinished(async () => {
    await client.close();
    await planwright.close();
  });
  return client;
}

const BIN = fileURLToPath(new URL('../dist/bin/planwright-mcp.js', import.meta.url));

/** An SDK client of the built `planwright-mcp` over stdio (a process of its own), in `repo`. */
export async function stdioClient(repo: string, env: NodeJS.ProcessEnv): Promise<Client> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build it with "npx -y pnpm@12.21.0 --filter @planwright/mcp build"`);
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, '--repo', repo], cwd: repo, env: env as Record<string, string>, stderr: 'pipe' });
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(transport);
  onTestFinished(() => client.close());
  return client;
}

/** A tool call's document; a tool error fails the test with its line. */
export async function call(client: Client, name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (result.isError) throw new Error(`${name} failed: ${textOf(result)}`);
  return result.structuredContent as Record<string, unknown>;
}

/** A tool call that must fail: its one line. */
export async function callError(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (!result.isError) throw new Error(`${name} was expected to fail but answered ${textOf(result)}`);
  return textOf(result);
}

function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`)).join('\n');
}
