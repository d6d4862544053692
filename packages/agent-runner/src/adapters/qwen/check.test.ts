import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { agentCliPath, tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { checkQwen, qwenLoginState } from './check.js';

async function qwenHome(settings?: string): Promise<string> {
  const home = await tempDir('qwen-login-');
  if (settings !== undefined) {
    await mkdir(join(home, '.qwen'), { recursive: true });
    await writeFile(join(home, '.qwen', 'settings.json'), settings);
  }
  return home;
}

describe('qwenLoginState', () => {
  it('yes: an auth type in its settings and that type key in the environment, or in the settings', async () => {
    const home = await qwenHome('{"security":{"auth":{"selectedType":"openai"}}}');
    expect(await qwenLoginState('qwen', { HOME: home, OPENAI_API_KEY: 'k' })).toEqual({ state: 'yes', detail: 'openai with OPENAI_API_KEY from the environment' });
    const withKey = await qwenHome('{"security":{"auth":{"selectedType":"anthropic","apiKey":"k"}}}');
    expect((await qwenLoginState('qwen', { HOME: withKey })).state).toBe('yes');
  });

  it('no: no auth type (headless qwen refuses to start), or a type without its key', async () => {
    expect(await qwenLoginState('qwen', { HOME: await qwenHome() })).toMatchObject({ state: 'no', detail: expect.stringContaining('no auth type selected') });
    const home = await qwenHome('{"security":{"auth":{"selectedType":"openai"}}}');
    expect(await qwenLoginState('qwen', { HOME: home })).toEqual({ state: 'no', detail: 'auth type openai but no key (set OPENAI_API_KEY)' });
  });

  it('unknown: a key but no auth type, a settings file it cannot read, QWEN_HOME honoured', async () => {
    expect((await qwenLoginState('qwen', { HOME: await qwenHome(), OPENAI_API_KEY: 'k' })).state).toBe('unknown');
    expect((await qwenLoginState('qwen', { HOME: await qwenHome('{ // a comment\n}') })).state).toBe('unknown');
    const home = await qwenHome('{"security":{"auth":{"selectedType":"openai"}}}');
    expect((await qwenLoginState('qwen', { HOME: '/nowhere', QWEN_HOME: join(home, '.qwen'), OPENAI_API_KEY: 'k' })).state).toBe('yes');
  });
});

describe('checkQwen', { timeout: 60_000 }, () => {
  it('reports the real qwen-code: its version and every flag planwright passes; a missing one with the fix', async () => {
    const cache = await tempDir();
    const check = await checkQwen({ ...process.env, QWEN_BIN: agentCliPath('qwen'), XDG_CACHE_HOME: cache });
    expect(check).toMatchObject({ agent: 'qwen', installed: true, version: '0.24.4' });
    expect(Object.values(check.flags).every(Boolean)).toBe(true);
    const missing = await checkQwen({ PATH: cache, XDG_CACHE_HOME: cache });
    expect(missing).toMatchObject({ installed: false, problem: 'qwen not found on PATH' });
  });
});
