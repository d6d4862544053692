import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface PrepareQwenHomeOptions {
  server: { url: string };
  /** Folder to use as HOME (created when missing). The caller owns it and removes it. */
  dir: string;
  /** More user settings, merged at the top level over the defaults (e.g. `{ model: { generationConfig: { maxRetries: 0 } } }`). */
  settings?: Record<string, unknown>;
}

export interface QwenHome {
  home: string;
  /** `<home>/.qwen/settings.json`: the user settings layer. */
  settingsFile: string;
  /**
   * HOME, OPENAI_BASE_URL (the server), OPENAI_API_KEY; QWEN_HOME, OPENAI_MODEL and
   * QWEN_CODE_SYSTEM_DEFAULTS_PATH undefined, which removes inherited values (execa skips undefined entries).
   */
  env: Record<string, string | undefined>;
}

/**
 * A HOME for the real `qwen` CLI against a scripted server. Qwen Code keeps its settings and sessions
 * under `~/.qwen`; headless it refuses to start without an auth type, so the user settings select the
 * OpenAI-compatible one, whose base URL and key come from the environment. Its memory-extraction
 * subagent is off (a side call after every turn), and so are update checks and usage statistics.
 *
 * @example
 * const { env } = await prepareQwenHome({ server, dir: join(work, 'qwen-home') });
 */
export async function prepareQwenHome(options: PrepareQwenHomeOptions): Promise<QwenHome> {
  const home = options.dir;
  const settingsFile = join(home, '.qwen', 'settings.json');
  const settings = {
    security: { auth: { selectedType: 'openai' } },
    memory: { enableManagedAutoMemory: false },
    general: { enableAutoUpdate: false },
    privacy: { usageStatisticsEnabled: false },
    ...options.settings,
  };
  await mkdir(join(home, '.qwen'), { recursive: true });
  await writeFile(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
  const env = {
    HOME: home,
    OPENAI_BASE_URL: options.server.url,
    OPENAI_API_KEY: 'x',
    QWEN_HOME: undefined,
    OPENAI_MODEL: undefined,
    QWEN_CODE_SYSTEM_DEFAULTS_PATH: undefined,
  };
  return { home, settingsFile, env };
}
