import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { agentCliPath } from '@planwright/test-utils';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { plannerWorkspace } from './mcp-planner-kit.js';

// Each real CLI reads the file `planwright init --mcp <cli>` wrote, as its own `mcp list` shows.
describe('the agent CLIs read what init --mcp writes', { timeout: 120_000 }, () => {
  it('codex: mcp list shows planwright enabled from the trusted project\'s .codex/config.toml', async () => {
    const { repo, home, env } = await plannerWorkspace('codex');
    const codexHome = join(home, 'codex-home');
    await mkdir(codexHome);
    await appendFile(join(codexHome, 'config.toml'), `[projects.${JSON.stringify(repo)}]\ntrust_level = "trusted"\n`);
    const list = await execa(agentCliPath('codex'), ['mcp', 'list'], { cwd: repo, env: { ...env, CODEX_HOME: codexHome }, extendEnv: false, reject: false, timeout: 60_000 });
    expect(list.stdout, list.stderr).toMatch(/^planwright +planwright +mcp +.* enabled/m);
  });

  it('gemini: mcp list connects to planwright from the project\'s .gemini/settings.json', async () => {
    const { repo, home, env } = await plannerWorkspace('gemini');
    await mkdir(join(home, '.gemini'), { recursive: true });
    await writeFile(join(home, '.gemini', 'settings.json'), JSON.stringify({ security: { auth: { selectedType: 'gemini-api-key' } } }));
    const geminiEnv = { ...env, GEMINI_CLI_HOME: home, GEMINI_API_KEY: 'x', GEMINI_CLI_TRUST_WORKSPACE: 'true', TMPDIR: home };
    // gemini prints the list on stderr.
    const list = await execa(agentCliPath('gemini'), ['mcp', 'list'], { cwd: repo, env: geminiEnv, extendEnv: false, reject: false, all: true, timeout: 90_000 });
    expect(list.all).toContain('planwright: planwright mcp (stdio) - Connected');
  });

  it('claude: mcp list shows the project\'s .mcp.json server, waiting for the one approval claude asks for', async () => {
    const { repo, env } = await plannerWorkspace('claude');
    const list = await execa(agentCliPath('claude'), ['mcp', 'list'], { cwd: repo, env: { ...env, IS_SANDBOX: '1' }, extendEnv: false, reject: false, timeout: 90_000 });
    expect(list.stdout, list.stderr).toMatch(/^planwright: planwright mcp - .*(Pending approval|Connected)/m);
  });
});
