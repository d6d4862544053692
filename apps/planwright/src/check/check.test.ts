import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AGENTS, type AgentFactory } from '@planwright/agent-runner';
import { captureIo } from '@planwright/cli-kit';
import { agentCliPath, tempDir } from '@planwright/test-utils';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { main } from '../cli.js';

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

function useEnv(env: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  onTestFinished(() => {
    vi.unstubAllEnvs();
  });
}

// Every agent CLI of the registry starts twice (--version, --help): seconds each on a loaded machine.
describe('planwright check', { timeout: 120_000 }, () => {
  it('one line each; the chosen agent not logged in is missing, exit 1', async () => {
    const home = await tempDir();
    useEnv({ CODEX_HOME: home, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), CODEX_BIN: agentCliPath('codex'), GEMINI_BIN: agentCliPath('gemini'), CLAUDE_BIN: agentCliPath('claude'), OPENAI_API_KEY: undefined, CODEX_API_KEY: undefined, GEMINI_API_KEY: undefined, GOOGLE_API_KEY: undefined, ANTHROPIC_API_KEY: undefined, CODEX_ORCH_CONFIG: undefined });
    const repo = await tempDir();
    const { code, stdout } = await run(['check', '--repo', repo, '--pr', 'pr-1']);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    const names = lines.map((line) => line.split(':')[0]);
    // One line per agent of the registry, in its order, between the config and the run root.
    expect(names).toHaveLength(Object.keys(AGENTS).length + 4 + 3);
    expect(names.slice(0, 6)).toEqual(['ok    node', 'ok    git', 'ok    config', 'MISS  codex', 'ok    gemini', 'ok    claude']);
    expect(names.slice(-4)).toEqual(['ok    run root', 'note  mcp codex', 'note  mcp claude', 'note  mcp gemini']);
    expect(stdout).toMatch(/codex: 0\.169\.0 at .*codex; flags ok; not logged in \(run "codex login", or set OPENAI_API_KEY\)/);
    expect(stdout).toContain(`run root: ${join(repo, '.plans/pr-1/runs')} can be created (${repo} is writable)`);
    expect(existsSync(join(repo, '.plans'))).toBe(false); // checking created nothing
  });

  it('exit 0 when the chosen agent can log in; a reviewer is checked when named', async () => {
    const home = await tempDir();
    useEnv({ CODEX_HOME: home, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), CODEX_BIN: agentCliPath('codex'), GEMINI_BIN: agentCliPath('gemini'), OPENAI_API_KEY: 'sk-test', GEMINI_API_KEY: undefined, GOOGLE_API_KEY: undefined, CODEX_ORCH_CONFIG: undefined });
    expect((await run(['check', '--repo', await tempDir()])).code).toBe(0);
    const withReviewer = await run(['check', '--repo', await tempDir(), '--reviewer', 'gemini', '--json']);
    expect(withReviewer.code).toBe(1);
    const gemini = JSON.parse(withReviewer.stdout).items.find((item: { name: string }) => item.name === 'gemini');
    expect(gemini).toMatchObject({ state: 'missing', detail: expect.stringContaining('not logged in') });
  });

  it('reports an invalid config file and an unwritable run root', async () => {
    const home = await tempDir();
    await writeFile(join(home, 'orchestrator.toml'), 'timeout_minutes = [\n');
    const file = join(await tempDir(), 'a-file');
    await writeFile(file, '');
    useEnv({ CODEX_HOME: home, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), CODEX_BIN: agentCliPath('codex'), OPENAI_API_KEY: 'sk-test', CODEX_ORCH_CONFIG: undefined });
    const { code, stdout } = await run(['check', '--run-root', join(file, 'runs')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^MISS  config: .*orchestrator\.toml:\d+:\d+: invalid TOML/m);
    expect(stdout).toMatch(/^MISS  run root: .*a-file\/runs is not writable \(ENOTDIR in .*a-file\)$/m);
  });

  it('checks every agent of the registry: one registered in one line gets its line, install hint and login', async () => {
    const registry = AGENTS as Record<string, AgentFactory>;
    const codex = registry.codex!({});
    // A made-up agent that is not installed: its check, package and login are all its adapter's own.
    registry.tinker = () => ({
      ...codex,
      name: 'tinker',
      npmPackage: 'tinker-cli',
      check: async () => ({ agent: 'tinker', installed: false, flags: {}, problem: 'tinker not found on PATH' }),
    });
    onTestFinished(() => {
      delete registry.tinker;
    });
    const home = await tempDir();
    useEnv({ CODEX_HOME: home, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), CODEX_BIN: agentCliPath('codex'), OPENAI_API_KEY: 'sk-test', CODEX_ORCH_CONFIG: undefined });
    const note = await run(['check', '--repo', await tempDir()]);
    expect(note.stdout).toContain('note  tinker: not installed: tinker not found on PATH (npm install -g tinker-cli)');
    const chosen = await run(['check', '--repo', await tempDir(), '--agent', 'tinker']);
    expect(chosen.code).toBe(1);
    expect(chosen.stdout).toContain('MISS  tinker: not installed: tinker not found on PATH (npm install -g tinker-cli)');
  });
});
