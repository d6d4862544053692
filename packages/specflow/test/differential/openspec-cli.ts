import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The real OpenSpec CLI, a devDependency of specflow. */
export const OPENSPEC_BIN = join(PACKAGE, 'node_modules', '@fission-ai', 'openspec', 'bin', 'openspec.js');

/** Fails with how to get it when the OpenSpec CLI (`bin`) is not installed, so the suite never passes without it. */
export async function requireOpenspec(bin = OPENSPEC_BIN): Promise<void> {
  try {
    await access(bin);
  } catch {
    throw new Error(
      `the OpenSpec CLI is missing (${bin}): run "pnpm install" at the repository root; it is a devDependency of @planwright/specflow`,
    );
  }
}

/** What one OpenSpec call did. */
export interface OpenspecRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `openspec <args>` in `cwd` as its own process, with telemetry off and a private home (`home`), so
 * it neither calls out nor reads or writes the user's configuration.
 */
export async function runOpenspec(args: string[], cwd: string, home: string): Promise<OpenspecRun> {
  const env = { OPENSPEC_TELEMETRY: '0', HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local'), NO_COLOR: '1', CI: '1' };
  const result = await execa(process.execPath, [OPENSPEC_BIN, ...args], { cwd, env, reject: false, stdin: 'ignore', timeout: 60_000 });
  return { exitCode: result.exitCode ?? 1, stdout: result.stdout, stderr: result.stderr };
}
