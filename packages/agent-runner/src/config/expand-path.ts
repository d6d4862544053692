import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A path as the Python kit read it from the environment (`os.path.expandvars(os.path.expanduser(p))`):
 * a leading `~` is the home folder, `$VAR` and `${VAR}` are replaced when set and left as written when
 * not, so `CODEX_ORCH_CONFIG='$HOME/orch.toml'` (quoted in a shell script) names the same file.
 *
 * @example
 * expandPath('${CODEX_HOME}/orchestrator.toml', { CODEX_HOME: '/home/me/.codex' });
 */
export function expandPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  const home = path === '~' || path.startsWith('~/') ? join(env.HOME || homedir(), path.slice(1)) : path;
  return home.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (whole, braced?: string, bare?: string) => {
    const value = env[(braced ?? bare)!];
    return value === undefined ? whole : value;
  });
}
