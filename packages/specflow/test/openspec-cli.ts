import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The real OpenSpec CLI (`@fission-ai/openspec`, a devDependency of specflow). Interop tests need it;
 * when it is missing they fail with how to get it, rather than pass without it.
 */
export function openspecBin(): string {
  const bin = fileURLToPath(new URL('../node_modules/.bin/openspec', import.meta.url));
  if (!existsSync(bin)) {
    throw new Error(`${bin} is missing: run "npx -y pnpm@12.21.0 install" (specflow's devDependency @fission-ai/openspec)`);
  }
  return bin;
}

/** The environment OpenSpec runs in from tests: no telemetry, no colour, no prompts. */
export const OPENSPEC_ENV = { OPENSPEC_TELEMETRY: '0', NO_COLOR: '1', CI: '1' };
