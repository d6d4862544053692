import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findOnPath, isExecutable } from '@planwright/agent-runner';
import { PlanwrightError } from '@planwright/cli-kit';

export type DemoCliName = 'codex' | 'gemini';

/** An agent CLI the demo runs, and where it was found. */
export interface FoundCli {
  name: DemoCliName;
  path: string;
  /** `$CODEX_BIN`/`$GEMINI_BIN`, the PATH, or installed next to planwright itself. */
  source: 'env' | 'path' | 'planwright';
}

const VARIABLE: Record<DemoCliName, string> = { codex: 'CODEX_BIN', gemini: 'GEMINI_BIN' };
const PACKAGE: Record<DemoCliName, string> = { codex: '@openai/codex', gemini: '@google/gemini-cli' };

/** A CLI the demo needs is not installed (exit 1: the command line was right, the machine lacks a tool). */
export class DemoCliMissingError extends PlanwrightError {
  override name = 'DemoCliMissingError';
}

/**
 * Finds `codex` or `gemini`: `$CODEX_BIN`/`$GEMINI_BIN` when set (it must be an executable), else the first
 * on PATH, else one installed with planwright (`node_modules/.bin/<name>` in a folder above this module:
 * in this monorepo, the devDependencies of apps/planwright, found from src/ and dist/ alike).
 *
 * @example
 * const codex = findDemoCli('codex'); // { name: 'codex', path: '/usr/local/bin/codex', source: 'path' }
 */
export function findDemoCli(name: DemoCliName, env: NodeJS.ProcessEnv = process.env, from: string = import.meta.url): FoundCli {
  const variable = VARIABLE[name];
  const explicit = env[variable];
  if (explicit) {
    const path = isAbsolute(explicit) || explicit.includes('/') ? resolve(explicit) : findOnPath(explicit, env);
    if (path && isExecutable(path)) return { name, path, source: 'env' };
    throw new DemoCliMissingError(`${variable}=${explicit}: no such executable`, { hint: `point ${variable} at the ${name} binary, or unset it` });
  }
  const found = findOnPath(name, env);
  if (found) return { name, path: found, source: 'path' };
  for (let dir = dirname(fileURLToPath(from)); dirname(dir) !== dir; dir = dirname(dir)) {
    const bundled = join(dir, 'node_modules', '.bin', name);
    if (isExecutable(bundled)) return { name, path: bundled, source: 'planwright' };
  }
  throw new DemoCliMissingError(`${name} not found (the demo runs the real ${name} CLI)`, { hint: `install it: npm install -g ${PACKAGE[name]}, or set ${variable}` });
}
