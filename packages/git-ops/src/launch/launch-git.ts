import { ShellLauncher } from './shell-launcher.js';
import { spawnDirectly } from './spawn-directly.js';
import type { Launch, Spawned } from './spawned.js';

let launcher: ShellLauncher | undefined;

/**
 * Starts git: through this process's ShellLauncher where there is a POSIX shell, else (Windows, an
 * environment the shell cannot carry, no /bin/sh) as a child of node. Same results either way.
 */
export async function launchGit(launch: Launch): Promise<Spawned> {
  if (process.platform !== 'win32') {
    if (!launcher || launcher.dead) launcher = newLauncher();
    const launched = await launcher?.launch(launch);
    if (launched) return launched;
  }
  return spawnDirectly(launch);
}

/** A launcher, or none when its temp folder cannot be made (a full or read-only disk): git then starts directly. */
function newLauncher(): ShellLauncher | undefined {
  try {
    return new ShellLauncher();
  } catch {
    return undefined;
  }
}
