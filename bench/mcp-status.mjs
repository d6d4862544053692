// Issue 13: a `status` tool call over stdio to a running `planwright mcp`, against `planwright status
// --json` as a process, on the same 25-task plan, interleaved so a busy moment slows both alike.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makePlan } from './lib/plans.mjs';
import { median, timeProcess } from './lib/measure.mjs';

const path = (relative) => fileURLToPath(new URL(`../${relative}`, import.meta.url));

/** The MCP SDK's client, from the mcp package's own dependencies (the bench has none of its own). */
function sdkClient() {
  const require = createRequire(path('packages/mcp/package.json'));
  const { Client } = require('@modelcontextprotocol/sdk/client');
  const { StdioClientTransport } = require('@modelcontextprotocol/sdk/client/stdio.js');
  return { Client, StdioClientTransport };
}

/**
 * Medians, in ms, of `runs` rounds (after `warmup`) of: one `status` tool call round trip on a server
 * started once (its start is not counted: a client starts it once per session), and one
 * `planwright status --json` process. Both answer the same document; the first answers are compared.
 */
export async function mcpStatusBench({ runs = 21, warmup = 2 } = {}) {
  const planwright = path('apps/planwright/dist/bin/planwright.js');
  const repo = mkdtempSync(join(tmpdir(), 'planwright-bench-mcp-'));
  mkdirSync(join(repo, '.plans', 'bench'), { recursive: true });
  writeFileSync(join(repo, '.plans', 'bench', 'plan.json'), `${JSON.stringify(makePlan(25), null, 2)}\n`);
  const { Client, StdioClientTransport } = sdkClient();
  const client = new Client({ name: 'planwright-bench', version: '0.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [planwright, 'mcp', '--repo', repo], cwd: repo, stderr: 'ignore' }));
  try {
    const call = () => client.callTool({ name: 'status', arguments: { pr: 'bench' } });
    const first = await call();
    const cli = spawnSync(process.execPath, [planwright, 'status', '--pr', 'bench', '--json'], { cwd: repo, encoding: 'utf8' });
    if (first.isError || JSON.stringify(first.structuredContent) !== JSON.stringify(JSON.parse(cli.stdout))) {
      throw new Error(`the status tool and status --json disagree:\n${JSON.stringify(first).slice(0, 500)}\n${cli.stdout.slice(0, 500)}${cli.stderr}`);
    }
    const tool = [];
    const processes = [];
    for (let round = 0; round < warmup + runs; round++) {
      const start = performance.now();
      await call();
      const elapsed = performance.now() - start;
      const processMs = timeProcess(process.execPath, [planwright, 'status', '--pr', 'bench', '--json'], { cwd: repo });
      if (round >= warmup) {
        tool.push(elapsed);
        processes.push(processMs);
      }
    }
    return { toolCall: median(tool), process: median(processes) };
  } finally {
    await client.close();
    rmSync(repo, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await mcpStatusBench();
  console.log(`status tool call ${result.toolCall.toFixed(1)} ms, planwright status --json ${result.process.toFixed(1)} ms: ${(result.process / result.toolCall).toFixed(1)}x`);
}
