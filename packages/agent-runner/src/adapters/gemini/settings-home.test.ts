import { lstat, mkdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { parseJsonc } from './jsonc.js';
import { prepareGeminiSettingsHome } from './settings-home.js';

const USER_SETTINGS = '{\n  // chosen at first login\n  "security": { "auth": { "selectedType": "oauth-personal" } },\n  /* mine */ "general": { "maxAttempts": 10, "vimMode": true },\n  "ui": { "theme": "http://x//y" }\n}\n';

async function userHome(files: Record<string, string> = {}) {
  const home = await tempDir('gemini-user-');
  await mkdir(join(home, '.gemini'));
  await writeFile(join(home, '.gemini', 'settings.json'), USER_SETTINGS);
  for (const [name, text] of Object.entries(files)) await writeFile(join(home, name), text);
  return home;
}

describe('prepareGeminiSettingsHome', () => {
  it('merges planwright\'s settings over a copy of the user\'s, leaving theirs byte for byte', async () => {
    const home = await userHome({ '.gemini/oauth_creds.json': '{"token":"t"}', '.env': 'GEMINI_API_KEY=k\n' });
    const cache = await tempDir();
    const overlay = await prepareGeminiSettingsHome({ env: { HOME: home }, settings: { general: { maxAttempts: 2 } }, cacheDir: cache });

    expect(overlay.userSettingsFile).toBe(join(home, '.gemini', 'settings.json'));
    expect(await readFile(overlay.userSettingsFile, 'utf8')).toBe(USER_SETTINGS);
    expect(JSON.parse(await readFile(overlay.settingsFile, 'utf8'))).toEqual({
      security: { auth: { selectedType: 'oauth-personal' } },
      general: { maxAttempts: 2, vimMode: true },
      ui: { theme: 'http://x//y' },
    });
    expect(overlay.home.startsWith(cache)).toBe(true);
    // Credentials, the sessions folder and ~/.env are the user's own, through links.
    expect(await readlink(join(overlay.home, '.gemini', 'oauth_creds.json'))).toBe(join(home, '.gemini', 'oauth_creds.json'));
    expect(await readlink(join(overlay.home, '.gemini', 'tmp'))).toBe(join(home, '.gemini', 'tmp'));
    expect(await readlink(join(overlay.home, '.env'))).toBe(join(home, '.env'));
  });

  it('takes the user home from GEMINI_CLI_HOME first, and reuses one home per user home and settings', async () => {
    const home = await userHome();
    const cache = await tempDir();
    const env = { HOME: '/nonexistent', GEMINI_CLI_HOME: home };
    const first = await prepareGeminiSettingsHome({ env, settings: { general: { maxAttempts: 2 } }, cacheDir: cache });
    const again = await prepareGeminiSettingsHome({ env, settings: { general: { maxAttempts: 2 } }, cacheDir: cache });
    const other = await prepareGeminiSettingsHome({ env, settings: { general: { maxAttempts: 1 } }, cacheDir: cache });
    expect(again.home).toBe(first.home);
    expect(other.home).not.toBe(first.home);
    expect(first.userSettingsFile).toBe(join(home, '.gemini', 'settings.json'));
  });

  it('follows the user\'s folder on every launch: new entries linked, removed ones unlinked, a file gemini replaced relinked', async () => {
    const home = await userHome({ '.gemini/projects.json': '{}' });
    const cache = await tempDir();
    const options = { env: { HOME: home }, settings: { general: { maxAttempts: 2 } }, cacheDir: cache };
    const { home: overlay } = await prepareGeminiSettingsHome(options);
    // gemini saves projects.json by rename: the link becomes a file of the overlay.
    await rm(join(overlay, '.gemini', 'projects.json'));
    await writeFile(join(overlay, '.gemini', 'projects.json'), '{"projects":{}}');
    await writeFile(join(home, '.gemini', 'google_accounts.json'), '{}');
    await writeFile(join(home, '.gemini', 'projects.json.1234.tmp'), '');
    await rm(join(home, '.gemini', 'tmp'), { recursive: true });
    await prepareGeminiSettingsHome(options);
    expect(await readlink(join(overlay, '.gemini', 'projects.json'))).toBe(join(home, '.gemini', 'projects.json'));
    expect(await readlink(join(overlay, '.gemini', 'google_accounts.json'))).toBe(join(home, '.gemini', 'google_accounts.json'));
    await expect(lstat(join(overlay, '.gemini', 'projects.json.1234.tmp'))).rejects.toThrow();
    // tmp/ is made again in the user's folder, so it stays linked.
    expect(await readlink(join(overlay, '.gemini', 'tmp'))).toBe(join(home, '.gemini', 'tmp'));
  });

  it('works for a user who never ran gemini (no ~/.gemini yet)', async () => {
    const home = await tempDir();
    const overlay = await prepareGeminiSettingsHome({ env: { HOME: home }, settings: { general: { maxAttempts: 2 } }, cacheDir: await tempDir() });
    expect(JSON.parse(await readFile(overlay.settingsFile, 'utf8'))).toEqual({ general: { maxAttempts: 2 } });
    await expect(lstat(join(home, '.gemini', 'settings.json'))).rejects.toThrow();
  });

  it('refuses user settings gemini could not read either, naming the file', async () => {
    const home = await userHome();
    await writeFile(join(home, '.gemini', 'settings.json'), '{ "general": { "maxAttempts": 3, } }');
    await expect(prepareGeminiSettingsHome({ env: { HOME: home }, settings: {}, cacheDir: await tempDir() })).rejects.toMatchObject({
      message: expect.stringMatching(new RegExp(`^${join(home, '.gemini', 'settings.json')}: invalid JSON`)),
    });
  });
});

describe('parseJsonc', () => {
  it('drops comments outside strings only', () => {
    expect(parseJsonc('// a\n{"a": "x // y", /* b */ "c": "/* z */"}')).toEqual({ a: 'x // y', c: '/* z */' });
    expect(parseJsonc('{"q": "say \\"hi\\" // no"}')).toEqual({ q: 'say "hi" // no' });
    expect(parseJsonc('  \n')).toEqual({});
  });
});
