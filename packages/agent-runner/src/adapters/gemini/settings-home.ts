import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, readlink, rename, symlink, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AgentRunnerError } from '../../errors.js';
import { parseJsonc } from './jsonc.js';

export interface GeminiSettingsHome {
  /** What the agent gets as GEMINI_CLI_HOME. */
  home: string;
  /** `<home>/.gemini/settings.json`: the user's settings with planwright's merged over them. */
  settingsFile: string;
  /** The user's own settings file: read, never written. */
  userSettingsFile: string;
}

export interface GeminiSettingsHomeOptions {
  /** The agent's environment: GEMINI_CLI_HOME or HOME name the user's gemini home; XDG_CACHE_HOME the cache. */
  env: NodeJS.ProcessEnv;
  /** Merged (deeply) over the user's settings, e.g. `{ general: { maxAttempts: 2 } }`. */
  settings: Record<string, unknown>;
  /** Where the overlay homes live (default `$XDG_CACHE_HOME/planwright/gemini-home`). */
  cacheDir?: string;
}

/**
 * A gemini home that is the user's own plus planwright's settings, without touching the user's files.
 *
 * Why this layer: gemini has no flag or env var for `general.maxAttempts`; the project layer is the user's
 * repo; and gemini skips the system settings and system defaults files unless the file and every folder
 * above it are root-owned and not group/other-writable, so a temp file there is ignored. What is left is
 * the user layer, `$GEMINI_CLI_HOME/.gemini/settings.json`: this makes a home (in the cache, one per user
 * home and settings, reused and refreshed on every launch) whose settings.json is a merged copy and whose
 * every other entry is a symlink to the user's `.gemini/` (credentials, sessions under tmp/, extensions,
 * commands), plus `~/.env` and `~/.agents`. Sessions therefore stay where the user's own `gemini --resume`
 * finds them, and a resume from a later launch finds them too.
 */
export async function prepareGeminiSettingsHome(options: GeminiSettingsHomeOptions): Promise<GeminiSettingsHome> {
  const { env } = options;
  const userHome = env.GEMINI_CLI_HOME || env.HOME || homedir();
  const userDir = join(userHome, '.gemini');
  const userSettingsFile = join(userDir, 'settings.json');
  const cacheDir = options.cacheDir ?? join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'planwright', 'gemini-home');
  const home = join(cacheDir, hash(`${userDir}\n${JSON.stringify(options.settings)}`));
  const dir = join(home, '.gemini');
  const settingsFile = join(dir, 'settings.json');
  const merged = mergeDeep(await readUserSettings(userSettingsFile), options.settings);
  await mkdir(dir, { recursive: true });
  // gemini keeps sessions in tmp/: made in the user's folder first, so they land there through the link.
  await mkdir(join(userDir, 'tmp'), { recursive: true }).catch(() => undefined);
  await writeAtomic(settingsFile, `${JSON.stringify(merged, null, 2)}\n`);
  // Not settings.json (ours is the copy), nor what gemini's atomic writes and locks leave for an instant.
  const entries = (await readdir(userDir).catch(() => [] as string[])).filter((name) => name !== 'settings.json' && !/\.(tmp|lock)$/.test(name));
  for (const name of entries) await linkInto(dir, name, join(userDir, name));
  for (const name of await readdir(dir)) {
    const link = await lstat(join(dir, name)).catch(() => undefined);
    if (name !== 'settings.json' && !entries.includes(name) && link?.isSymbolicLink()) {
      await unlink(join(dir, name)).catch(() => undefined); // The user removed it since.
    }
  }
  for (const name of ['.env', '.agents']) {
    if (await lstat(join(userHome, name)).catch(() => undefined)) await linkInto(home, name, join(userHome, name));
  }
  return { home, settingsFile, userSettingsFile };
}

async function readUserSettings(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new AgentRunnerError(`${file}: cannot read the gemini settings (${(error as NodeJS.ErrnoException).code})`, { hint: 'fix its permissions' });
  }
  let settings: unknown;
  try {
    settings = parseJsonc(text);
  } catch (error) {
    throw new AgentRunnerError(`${file}: invalid JSON (${(error as Error).message})`, { hint: 'gemini cannot read it either: fix the file' });
  }
  if (!isObject(settings)) throw new AgentRunnerError(`${file}: expected a JSON object`, { hint: 'gemini cannot read it either: fix the file' });
  return settings;
}

/** A symlink `dir/name` -> target, replacing a stale link or file; a folder gemini made there is kept. */
async function linkInto(dir: string, name: string, target: string): Promise<void> {
  const path = join(dir, name);
  const current = await lstat(path).catch(() => undefined);
  if (current?.isDirectory()) return;
  if (current?.isSymbolicLink() && (await readlink(path)) === target) return;
  // Link then rename: atomic, so agents launched at the same moment never see a missing entry.
  const temp = `${path}.${randomBytes(6).toString('hex')}.link`;
  await symlink(target, temp);
  await rename(temp, path);
}

async function writeAtomic(file: string, text: string): Promise<void> {
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === text) return;
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, text);
  await rename(temp, file);
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

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
