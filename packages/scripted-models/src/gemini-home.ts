import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface PrepareGeminiHomeOptions {
  server: { url: string };
  /** The user settings, e.g. `{ general: { maxAttempts: 1 } }`; API-key auth is added unless they pick another. */
  settings?: Record<string, unknown>;
  /** Folder to use as GEMINI_CLI_HOME (created when missing). The caller owns it and removes it. */
  dir: string;
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
 * const { env } = await prepareGeminiHome({ server, dir: join(workDir, 'gemini-home'), settings: { general: { maxAttempts: 1 } } });
 */
export async function prepareGeminiHome(options: PrepareGeminiHomeOptions): Promise<GeminiHome> {
  const home = options.dir;
  await mkdir(join(home, '.gemini'), { recursive: true });
  await mkdir(join(home, 'tmp'), { recursive: true });
  const settings = withApiKeyAuth(options.settings ?? {});
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

/** The caller's settings, with `security.auth.selectedType` defaulting to API-key auth. */
function withApiKeyAuth(settings: Record<string, unknown>): Record<string, unknown> {
  const security = (settings.security ?? {}) as Record<string, unknown>;
  const auth = (security.auth ?? {}) as Record<string, unknown>;
  return { ...settings, security: { ...security, auth: { selectedType: 'gemini-api-key', ...auth } } };
}
