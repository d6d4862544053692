import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareClaudeHome } from './claude-home.js';
import { prepareCodexHome } from './codex-home.js';
import { prepareGeminiHome } from './gemini-home.js';
import { tempDir } from './test-support.js';

const server = { url: 'http://127.0.0.1:9/v1' };

describe('prepare*Home', () => {
  it('writes a codex config.toml that points the mock provider at the server, without retries', async () => {
    const { codexHome, env, model } = await prepareCodexHome({ server, dir: join(await tempDir(), 'codex-home') });
    const config = await readFile(join(codexHome, 'config.toml'), 'utf8');
    expect(config).toContain('model_provider = "mock"');
    expect(config).toContain('base_url = "http://127.0.0.1:9/v1"');
    expect(config).toMatch(/request_max_retries = 0\nstream_max_retries = 0/);
    expect(env).toEqual({ CODEX_HOME: codexHome, MOCK_API_KEY: 'x' });
    expect(model).toBe('gpt-5.5');
  });

  it('writes gemini user settings with the API-key auth type, merging extra settings', async () => {
    const plain = await prepareGeminiHome({ server, dir: await tempDir() });
    expect(JSON.parse(await readFile(plain.settingsFile, 'utf8'))).toEqual({ security: { auth: { selectedType: 'gemini-api-key' } } });
    const bounded = await prepareGeminiHome({ server, dir: await tempDir(), settings: { general: { maxAttempts: 1 }, security: { folderTrust: { enabled: false } } } });
    expect(JSON.parse(await readFile(bounded.settingsFile, 'utf8'))).toEqual({ general: { maxAttempts: 1 }, security: { auth: { selectedType: 'gemini-api-key' }, folderTrust: { enabled: false } } });
    expect(bounded.env).toMatchObject({ GEMINI_CLI_HOME: bounded.home, TMPDIR: join(bounded.home, 'tmp'), GOOGLE_GEMINI_BASE_URL: server.url, GEMINI_CLI_TRUST_WORKSPACE: 'true' });
    expect(existsSync(join(bounded.home, 'tmp'))).toBe(true);
  });

  it('gives claude a temp HOME, the base URL, no inherited config dir, and IS_SANDBOX as root', async () => {
    const { home, env } = await prepareClaudeHome({ server, dir: await tempDir(), maxRetries: 0 });
    expect(env).toMatchObject({ HOME: home, ANTHROPIC_BASE_URL: server.url, ANTHROPIC_API_KEY: 'x', CLAUDE_CODE_MAX_RETRIES: '0' });
    expect('CLAUDE_CONFIG_DIR' in env && env.CLAUDE_CONFIG_DIR === undefined).toBe(true);
    expect(env.IS_SANDBOX).toBe(process.getuid?.() === 0 ? '1' : undefined);
    expect((await prepareClaudeHome({ server, dir: await tempDir() })).env.CLAUDE_CODE_MAX_RETRIES).toBeUndefined();
  });
});
