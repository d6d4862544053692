import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { stringifyJson, writeFileAtomic } from '@planwright/plan-schema';

/**
 * The folder gemini runs in for a review: `$XDG_CACHE_HOME/planwright/gemini-review-<N>-attempts`
 * (default `~/.cache/...`), holding only `.gemini/settings.json` = `{"general":{"maxAttempts":N}}`.
 *
 * Why this layer: gemini-cli has no flag or variable for its retries, only the `general.maxAttempts`
 * setting. Its system layers are skipped unless every folder above them is root-owned; a temporary
 * GEMINI_CLI_HOME would also move the login (oauth_creds.json), sessions, policies and extensions that
 * live there. The project layer of a folder of our own changes nothing of the user's: their
 * ~/.gemini/settings.json and credentials are read as always, and the project layer wins over them for
 * this one setting. Gemini applies a project layer only in a trusted folder, and it reads settings
 * before it parses `--skip-trust`, so the call also sets GEMINI_CLI_TRUST_WORKSPACE=true — safe here,
 * because the folder holds nothing but this file. The folder is stable (one per N), so concurrent
 * reviews share identical content, the session can be resumed from it (`gemini -r <id>`), and gemini's
 * per-project records do not grow with every review.
 */
export function geminiWorkspaceDir(env: NodeJS.ProcessEnv, maxAttempts: number): string {
  const cache = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), '.cache');
  return join(cache, 'planwright', `gemini-review-${maxAttempts}-attempts`);
}

/** Creates (or refreshes) the workspace and returns its path. */
export async function prepareGeminiWorkspace(env: NodeJS.ProcessEnv, maxAttempts: number): Promise<string> {
  const dir = geminiWorkspaceDir(env, maxAttempts);
  await mkdir(join(dir, '.gemini'), { recursive: true, mode: 0o700 });
  await writeFileAtomic(join(dir, '.gemini', 'settings.json'), stringifyJson({ general: { maxAttempts } }));
  return dir;
}
