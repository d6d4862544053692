import { isAbsolute, resolve } from 'node:path';
import { AgentNotFoundError } from '../../errors.js';
import { findOnPath, isExecutable } from '../find-on-path.js';

/**
 * The codex binary to run: `$CODEX_BIN` when set, else the first `codex` on PATH. Found by looking, not by
 * running it, so a missing CLI is reported before anything else happens.
 */
export function findCodex(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const explicit = env.CODEX_BIN;
  if (explicit) {
    const path = isAbsolute(explicit) || explicit.includes('/') ? resolve(cwd, explicit) : findOnPath(explicit, env);
    if (path && isExecutable(path)) return path;
    throw new AgentNotFoundError(`CODEX_BIN=${explicit}: no such executable`, {
      hint: 'point CODEX_BIN at the codex binary, or unset it to use codex from PATH',
    });
  }
  const found = findOnPath('codex', env);
  if (found) return found;
  throw new AgentNotFoundError('codex not found on PATH', {
    hint: 'install the Codex CLI: npm install -g @openai/codex (or set CODEX_BIN)',
  });
}
