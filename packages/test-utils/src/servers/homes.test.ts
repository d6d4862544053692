import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCliPath } from './agent-cli-path.js';
import { prepareClaudeHome, prepareCodexHome, prepareGeminiHome } from './homes.js';

const server = { url: 'http://127.0.0.1:9/v1' };

// The tests of one file run in order: the second checks what the first left behind.
describe('prepare*Home in tests', () => {
  let homes: string[] = [];

  it('makes each home in a temp folder when the test names none', async () => {
    const codex = await prepareCodexHome({ server });
    const gemini = await prepareGeminiHome({ server });
    const claude = await prepareClaudeHome({ server });
    homes = [codex.codexHome, gemini.home, claude.home];
    expect(await readFile(join(codex.codexHome, 'config.toml'), 'utf8')).toContain('model_provider = "mock"');
    expect(existsSync(gemini.settingsFile)).toBe(true);
    expect(claude.env.HOME).toBe(claude.home);
  });

  it('removed them when that test finished', () => {
    expect(homes).toHaveLength(3);
    expect(homes.filter((home) => existsSync(home))).toEqual([]);
  });

  it('finds the installed agent CLIs', () => {
    for (const name of ['codex', 'gemini', 'claude', 'qwen'] as const) expect(existsSync(agentCliPath(name))).toBe(true);
  });
});
