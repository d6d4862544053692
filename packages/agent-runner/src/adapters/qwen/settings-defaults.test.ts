import { readFile } from 'node:fs/promises';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { qwenDefaultsEnv } from './settings-defaults.js';

describe('qwenDefaultsEnv', () => {
  it('points the system-defaults layer at a file with the retry bound, one file per bound', async () => {
    const cacheDir = await tempDir();
    const env = await qwenDefaultsEnv({ env: {}, maxRetries: 1, cacheDir });
    expect(JSON.parse(await readFile(env.QWEN_CODE_SYSTEM_DEFAULTS_PATH!, 'utf8'))).toEqual({ model: { generationConfig: { maxRetries: 1 } } });
    expect(await qwenDefaultsEnv({ env: {}, maxRetries: 1, cacheDir })).toEqual(env);
    expect((await qwenDefaultsEnv({ env: {}, maxRetries: 0, cacheDir })).QWEN_CODE_SYSTEM_DEFAULTS_PATH).not.toBe(env.QWEN_CODE_SYSTEM_DEFAULTS_PATH);
  });

  it('adds nothing when the user names a defaults file of their own', async () => {
    expect(await qwenDefaultsEnv({ env: { QWEN_CODE_SYSTEM_DEFAULTS_PATH: '/etc/mine.json' }, maxRetries: 1, cacheDir: await tempDir() })).toEqual({});
  });
});
