import { symlink } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedGitEnv } from './git-repo.js';
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

/**
 * The environment an orchestrator test runs the fake Codex in: git isolated from the user's config (with
 * an identity for the commits git set-up makes), `CODEX_BIN` at the fake, `CODEX_HOME` and the cache in
 * `home`, and no orchestrator.toml from the developer's environment.
 *
 * @example
 * const env = fakeCodexEnv(await tempDir('planwright-home-'));
 */
export function fakeCodexEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...isolatedGitEnv(),
    GIT_AUTHOR_NAME: 'Planwright Test',
    GIT_AUTHOR_EMAIL: 'test@planwright.invalid',
    GIT_COMMITTER_NAME: 'Planwright Test',
    GIT_COMMITTER_EMAIL: 'test@planwright.invalid',
    CODEX_BIN: fakeCodexPath(),
    CODEX_HOME: home,
    XDG_CACHE_HOME: join(home, 'cache'),
    CODEX_ORCH_CONFIG: undefined,
  };
}
