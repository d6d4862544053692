import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type AgentCliName = 'codex' | 'gemini' | 'claude' | 'qwen';

function packageRoot(): string {
  // From src/servers/ or dist/: walk up to this package's own package.json.
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@planwright/test-utils') return dir;
  }
  throw new Error('@planwright/test-utils: cannot find its own package.json');
}

/**
 * The real agent CLI installed as a devDependency of this package (`node_modules/.bin/<name>`), a file named
 * like the command, so its folder can also go first on PATH.
 *
 * @example
 * await execa(agentCliPath('codex'), ['--version']);
 */
export function agentCliPath(name: AgentCliName): string {
  const bin = join(packageRoot(), 'node_modules', '.bin', name);
  if (!existsSync(bin)) {
    throw new Error(`${bin} is missing: the agent CLIs are devDependencies of @planwright/test-utils (run pnpm install)`);
  }
  return bin;
}
