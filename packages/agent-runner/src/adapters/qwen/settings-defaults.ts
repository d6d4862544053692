import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface QwenDefaultsOptions {
  /** The agent's environment: QWEN_CODE_SYSTEM_DEFAULTS_PATH (the user's own defaults file), XDG_CACHE_HOME, HOME. */
  env: NodeJS.ProcessEnv;
  /** `model.generationConfig.maxRetries`: retries of a failed request (its SDK's) and of a rate-limited stream. */
  maxRetries: number;
  /** Where the defaults files live (default `$XDG_CACHE_HOME/planwright/qwen-defaults`). */
  cacheDir?: string;
}

/**
 * The environment that bounds Qwen Code's retries without touching the user's files: a settings file for
 * its lowest layer, the system defaults (`QWEN_CODE_SYSTEM_DEFAULTS_PATH`), so the user's, project's and
 * system settings still win. Qwen Code otherwise retries a rate-limited stream 10 times a minute apart.
 * When the user points QWEN_CODE_SYSTEM_DEFAULTS_PATH somewhere already, that file is theirs: nothing is added.
 */
export async function qwenDefaultsEnv(options: QwenDefaultsOptions): Promise<Record<string, string>> {
  const { env } = options;
  if (env.QWEN_CODE_SYSTEM_DEFAULTS_PATH) return {};
  const settings = { model: { generationConfig: { maxRetries: options.maxRetries } } };
  const text = `${JSON.stringify(settings, null, 2)}\n`;
  const dir = options.cacheDir ?? join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'planwright', 'qwen-defaults');
  const file = join(dir, `${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`);
  if ((await readFile(file, 'utf8').catch(() => undefined)) !== text) {
    await mkdir(dir, { recursive: true });
    // Written aside then renamed: agents launched at the same moment never read half a file.
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, text);
    await rename(temp, file);
  }
  return { QWEN_CODE_SYSTEM_DEFAULTS_PATH: file };
}
