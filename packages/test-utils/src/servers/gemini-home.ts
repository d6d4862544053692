import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../temp-dir.js';

export interface PrepareGeminiHomeOptions {
  server: { url: string };
  /** Merged (deeply) over the base user settings, e.g. `{ general: { maxAttempts: 1 } }`. */
  settings?: Record<string, unknown>;
  /** Folder to use as GEMINI_CLI_HOME (default: a temp folder removed after the test). */
  dir?: string;
}

export interface GeminiHome {
  home: string;
  /** `<home>/.gemini/settings.json`: the user settings layer. */
  settingsFile: string;
  /** GEMINI_CLI_HOME, TMPDIR, GEMINI_API_KEY, GOOGLE_GEMINI_BASE_URL, GEMINI_CLI_TRUST_WORKSPACE. */
  env: Record<string, string>;
}

/**
 * A GEMINI_CLI_HOME for the real `gemini` CLI against a scripted server. Its user settings select API-key
 * auth (with a base URL and no auth type, gemini picks gateway auth and exits 41) and nothing else:
 * retries (`general.maxAttempts`) stay at gemini's default unless `settings` says otherwise.
 *
 * @example
 * const { env } = await prepareGeminiHome({ server, settings: { general: { maxAttempts: 1 } } });
 */
export async function prepareGeminiHome(options: PrepareGeminiHomeOptions): Promise<GeminiHome> {
  const home = options.dir ?? (await tempDir('planwright-gemini-home-'));
  await mkdir(join(home, '.gemini'), { recursive: true });
  await mkdir(join(home, 'tmp'), { recursive: true });
  const settings = mergeDeep({ security: { auth: { selectedType: 'gemini-api-key' } } }, options.settings ?? {});
  const settingsFile = join(home, '.gemini', 'settings.json');
  await writeFile(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
  const env = {
    GEMINI_CLI_HOME: home,
    // gemini writes gemini-client-error-*.json reports into TMPDIR.
    TMPDIR: join(home, 'tmp'),
    GEMINI_API_KEY: 'x',
    GOOGLE_GEMINI_BASE_URL: options.server.url,
    GEMINI_CLI_TRUST_WORKSPACE: 'true',
  };
  return { home, settingsFile, env };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeDeep(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = merged[key];
    merged[key] = isObject(current) && isObject(value) ? mergeDeep(current, value) : value;
  }
  return merged;
}
