import { gitContext, runGit, type GitOptions } from './run-git.js';

/**
 * Arguments put before a git command so that it does not do git's automatic housekeeping when it ends
 * (`git maintenance run --auto`, which runs `git gc --auto`: two more processes after every commit, fetch
 * or cherry-pick). For commands on a hot path that runs many times a minute (a worker's jobs, a
 * coordinator's integrations); the caller runs {@link houseKeep} itself at a quiet moment instead, so the
 * repository is still kept tidy.
 *
 * @example
 * await runGit([...DEFERRED_HOUSEKEEPING, 'commit', '--quiet', '-m', message], { cwd });
 */
export const DEFERRED_HOUSEKEEPING: readonly string[] = ['-c', 'maintenance.auto=false', '-c', 'gc.auto=0'];

/**
 * The housekeeping that {@link DEFERRED_HOUSEKEEPING} put off: `git gc --auto`, which packs loose objects
 * only once there are enough of them to be worth it (what `maintenance run --auto` does by default, in one
 * process, and on gits older than `maintenance` too).
 *
 * @example
 * await houseKeep({ cwd: mirror });
 */
export async function houseKeep(options: GitOptions = {}): Promise<void> {
  // Not detached (git's default for gc --auto): the caller's cleanup is over when this is, and a worker
  // that stops leaves no gc of its own behind.
  await runGit(['-c', 'gc.autoDetach=false', 'gc', '--auto', '--quiet'], gitContext(options));
}
