import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface PrepareClaudeHomeOptions {
  server: { url: string };
  /** Folder to use as HOME (created when missing). The caller owns it and removes it. */
  dir: string;
  /**
   * CLAUDE_CODE_MAX_RETRIES. Left unset by default: Claude Code then retries every API error, 401 and
   * 429 included, 10 times with backoff (minutes) before it gives up.
   */
  maxRetries?: number;
}

export interface ClaudeHome {
  home: string;
  /**
   * HOME, ANTHROPIC_BASE_URL, ANTHROPIC_API_KEY, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC,
   * CLAUDE_CODE_TMPDIR, IS_SANDBOX (as root), CLAUDE_CODE_MAX_RETRIES (when given). CLAUDE_CONFIG_DIR and ANTHROPIC_AUTH_TOKEN are undefined, which removes inherited values
   * (execa and child_process skip undefined entries).
   */
  env: Record<string, string | undefined>;
}

/**
 * A HOME for the real `claude` CLI against a scripted server. Claude Code keeps its config and sessions
 * under HOME (`~/.claude.json`, `~/.claude/`), so a temp HOME isolates it from the developer's own.
 *
 * @example
 * const { env } = await prepareClaudeHome({ server, dir: join(workDir, 'claude-home'), maxRetries: 0 });
 */
export async function prepareClaudeHome(options: PrepareClaudeHomeOptions): Promise<ClaudeHome> {
  const home = options.dir;
  await mkdir(join(home, 'tmp'), { recursive: true });
  const env: Record<string, string | undefined> = {
    HOME: home,
    ANTHROPIC_BASE_URL: options.server.url,
    ANTHROPIC_API_KEY: 'x',
    // No title generation, telemetry or update checks: fewer requests, and none that needs a network.
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    // Its per-project task output (otherwise /tmp/claude-<uid>/<cwd>/) goes away with the home.
    CLAUDE_CODE_TMPDIR: join(home, 'tmp'),
    CLAUDE_CONFIG_DIR: undefined,
    ANTHROPIC_AUTH_TOKEN: undefined,
  };
  // As root, bypassPermissions (and --dangerously-skip-permissions) refuse to start without it.
  if (process.getuid?.() === 0) env.IS_SANDBOX = '1';
  if (options.maxRetries !== undefined) env.CLAUDE_CODE_MAX_RETRIES = String(options.maxRetries);
  return { home, env };
}
