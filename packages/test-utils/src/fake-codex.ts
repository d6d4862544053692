import { symlink } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp-dir.js';

/**
 * The fake Codex CLI (`bin/fake-codex.mjs`, plain Node, not built): `codex exec` of codex-cli 0.169 with the
 * agent's behaviour chosen by `fake-agent: <mode>` lines in the brief. Resolved from src/ and dist/ alike.
 *
 * @example
 * await execa(fakeCodexPath(), ['exec', '--json', '--skip-git-repo-check', '-C', repo, '-'], { input: prompt });
 */
export function fakeCodexPath(): string {
  return fileURLToPath(new URL('../bin/fake-codex.mjs', import.meta.url));
}

/**
 * A temp folder holding `codex` (a link to the fake) and `{ PATH }` with it first, for code that looks
 * `codex` up on PATH. Removed after the test.
 */
export async function fakeCodexOnPath(): Promise<{ binDir: string; codexPath: string; env: { PATH: string } }> {
  const binDir = await tempDir('planwright-fake-codex-');
  const codexPath = join(binDir, 'codex');
  await symlink(fakeCodexPath(), codexPath);
  return { binDir, codexPath, env: { PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}` } };
}
