import { existsSync } from 'node:fs';
import { appendFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { PlanwrightError } from '@planwright/cli-kit';
import { initMcp } from '../init/init-mcp.js';
import { initRepo } from '../init/init-repo.js';
import type { DemoContext, StepOutcome } from './context.js';

/** The built planwright bin next to the demo's assets: what the planner's codex starts as `planwright mcp`. */
export function planwrightBin(context: DemoContext): string {
  const bin = join(context.assets.root, 'dist', 'bin', 'planwright.js');
  if (!existsSync(bin)) throw new PlanwrightError(`${bin} is missing: the planner demo starts the built planwright as its MCP server`, { hint: 'build planwright first (pnpm build)' });
  return bin;
}

// What the runs the server starts need from the demo: the task agents' codex and its scripted model, the
// temp folders, git without the user's config. Codex gives an MCP server only a few variables of its own
// (HOME, PATH, ...), so these go into the server's `env` table, which `init --mcp` keeps.
const PASSED = ['CODEX_BIN', 'CODEX_HOME', 'MOCK_API_KEY', 'TMPDIR', 'XDG_CACHE_HOME', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM'];

/**
 * 2. `planwright init --mcp codex`: the repository set up as `planwright init` does, and the project's
 * `.codex/config.toml` starting planwright's MCP server (here the built bin, with the demo's environment).
 */
export async function mcpInitStep(context: DemoContext): Promise<StepOutcome> {
  const bin = planwrightBin(context);
  const repo = await initRepo({ repo: context.repo });
  await cp(join(context.assets.planner, 'project.md'), join(context.repo, 'openspec', 'project.md'));
  const mcp = await initMcp({ client: 'codex', repo: context.repo, server: { command: process.execPath, args: [bin, 'mcp'] }, env: context.env });
  const env = PASSED.filter((name) => context.env[name] !== undefined).map((name) => `${name} = ${JSON.stringify(context.env[name])}`);
  await appendFile(mcp.file, `\n[mcp_servers.planwright.env]\n${env.join('\n')}\n`);
  return {
    ok: true,
    summary: `${repo.created.filter((file) => !file.endsWith('.gitkeep')).join(', ')}; .codex/config.toml: [mcp_servers.planwright] starts planwright mcp (${mcp.action})`,
    files: { codexConfig: mcp.file, planner: join(context.repo, '.plans', 'PLANNER.md') },
    details: { ...repo, mcp },
  };
}
