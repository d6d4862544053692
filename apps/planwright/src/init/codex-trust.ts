import { existsSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { codexHome } from './mcp-clients.js';

/**
 * Whether codex trusts the project (`[projects."<path>"] trust_level = "trusted"` in
 * `$CODEX_HOME/config.toml`): codex 0.169 reads a project's `.codex/config.toml` only then. Codex writes
 * that entry itself when a person answers its trust question; planwright only looks.
 */
export async function codexTrustsProject(repo: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const file = join(codexHome(env), 'config.toml');
  if (!existsSync(file)) return false;
  try {
    const projects = (parse(await readFile(file, 'utf8')) as { projects?: Record<string, { trust_level?: string }> }).projects ?? {};
    const paths = new Set([repo, existsSync(repo) ? realpathSync(repo) : repo]);
    return [...paths].some((path) => projects[path]?.trust_level === 'trusted');
  } catch {
    return false;
  }
}
