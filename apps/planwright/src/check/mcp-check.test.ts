import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { main } from '../cli.js';
import { mcpClientItems } from './mcp-clients-check.js';

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout };
}

/** A home with no user configuration and a PATH folder holding a `planwright` file. */
async function setup() {
  const home = await tempDir();
  const bin = join(home, 'bin');
  await mkdir(bin);
  await writeFile(join(bin, 'planwright'), '#!/bin/sh\n');
  await chmod(join(bin, 'planwright'), 0o755);
  const env = { HOME: home, CODEX_HOME: join(home, '.codex'), GEMINI_CLI_HOME: home, PATH: bin };
  return { home, env, repo: await tempDir() };
}

describe('planwright check: the MCP clients', () => {
  it('says, for each agent CLI, where planwright mcp is configured and what still stops it', async () => {
    const { home, env, repo } = await setup();
    const lines = async () => (await mcpClientItems({ repo, env })).map((item) => `${item.state} ${item.name}: ${item.detail}`);
    expect(await lines()).toEqual([
      'note mcp codex: not configured (planwright init --mcp codex, or --global)',
      'note mcp claude: not configured (planwright init --mcp claude, or --global)',
      'note mcp gemini: not configured (planwright init --mcp gemini, or --global)',
    ]);
    for (const client of ['codex', 'claude']) {
      vi.stubEnv('HOME', home);
      vi.stubEnv('CODEX_HOME', env.CODEX_HOME);
      onTestFinished(() => {
        vi.unstubAllEnvs();
      });
      expect((await run(['init', '--repo', repo, '--mcp', client])).code).toBe(0);
    }
    await mkdir(join(home, '.gemini'));
    await writeFile(join(home, '.gemini/settings.json'), JSON.stringify({ mcpServers: { planwright: { command: 'not-installed', args: ['mcp'] } } }));
    expect(await lines()).toEqual([
      'note mcp codex: .codex/config.toml starts "planwright mcp", but codex reads it only once the project is trusted (start codex here and trust it)',
      'ok mcp claude: .mcp.json starts "planwright mcp"',
      `note mcp gemini: ${join(home, '.gemini/settings.json')} starts "not-installed mcp", but not-installed is not on PATH (install planwright, or set the full path)`,
    ]);
    await mkdir(env.CODEX_HOME, { recursive: true });
    await writeFile(join(env.CODEX_HOME, 'config.toml'), `[projects.${JSON.stringify(repo)}]\ntrust_level = "trusted"\n`);
    expect((await lines())[0]).toBe('ok mcp codex: .codex/config.toml starts "planwright mcp"');
  });

  it('a file the CLI could not read either is a note naming the file, and check still exits on what it needs', async () => {
    const { env, repo } = await setup();
    await writeFile(join(repo, '.mcp.json'), '{ nope');
    const [, claude] = await mcpClientItems({ repo, env });
    expect(claude).toEqual({ name: 'mcp claude', state: 'note', detail: expect.stringMatching(/\.mcp\.json: not valid JSON \(.*\) \(fix it, then planwright init --mcp claude\)$/) });
  });
});
