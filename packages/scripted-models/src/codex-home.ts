import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface PrepareCodexHomeOptions {
  server: { url: string };
  /** Folder to use as CODEX_HOME (created when missing). The caller owns it and removes it. */
  dir: string;
  /** Model slug (default `gpt-5.5`: codex gives unknown slugs no `apply_patch` tool). */
  model?: string;
}

export interface CodexHome {
  codexHome: string;
  /** `{ CODEX_HOME, MOCK_API_KEY }` to add to codex's environment. */
  env: Record<string, string>;
  model: string;
}

/**
 * A CODEX_HOME whose config.toml points codex at a scripted server (provider `mock`, Responses API, no
 * retries), so `codex exec ...` needs no `-c` flags. Sessions (for `resume`) are kept in it too.
 *
 * @example
 * const { env } = await prepareCodexHome({ server, dir: join(workDir, 'codex-home') });
 */
export async function prepareCodexHome(options: PrepareCodexHomeOptions): Promise<CodexHome> {
  const codexHome = options.dir;
  await mkdir(codexHome, { recursive: true });
  const model = options.model ?? 'gpt-5.5';
  const config = [
    `model = ${JSON.stringify(model)}`,
    'model_provider = "mock"',
    '',
    '[model_providers.mock]',
    'name = "mock"',
    `base_url = ${JSON.stringify(options.server.url)}`,
    'wire_api = "responses"',
    'env_key = "MOCK_API_KEY"',
    // A failed request fails the turn at once instead of consuming the next scripted replies.
    'request_max_retries = 0',
    'stream_max_retries = 0',
    '',
  ].join('\n');
  await writeFile(join(codexHome, 'config.toml'), config);
  return { codexHome, env: { CODEX_HOME: codexHome, MOCK_API_KEY: 'x' }, model };
}
