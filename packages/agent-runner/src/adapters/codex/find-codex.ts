import { findAgentCli } from '../cli-probe.js';
import { CODEX_CLI } from './probe.js';

/**
 * The codex binary to run: `$CODEX_BIN` when set, else the first `codex` on PATH. Found by looking, not by
 * running it, so a missing CLI is reported before anything else happens.
 */
export function findCodex(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return findAgentCli(CODEX_CLI, env, cwd);
}
