import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runGit } from '@planwright/git-ops';
import { withFileLock } from '@planwright/plan-schema';
import { serialized as serializedInProcess } from '@planwright/run-store';

/** A checkout's git dir never changes: asked of git once per checkout (a process per task saved). */
const gitDirs = new Map<string, Promise<string>>();

/** A commit may run hooks (tests, linters): other orchestrators wait for it rather than fail. */
const GIT_LOCK_WAIT_MS = 10 * 60_000;

/**
 * Runs git work on one checkout one piece at a time, within this process and across processes: tasks
 * finishing together, or orchestrators of other PRs on the same repository, would otherwise race for the
 * repository's index lock (commits, merges, worktree add/remove) and fail. The inter-process lock is a
 * file in the checkout's git dir (`planwright-git.lock`); a lock left by a killed process is taken over.
 */
export function serialized<T>(checkout: string, work: () => Promise<T>, env?: NodeJS.ProcessEnv): Promise<T> {
  const locked = async () => {
    let gitDir = gitDirs.get(checkout);
    // A folder made again at the same path (tests do) may have another git dir: asked again when it is gone.
    if (gitDir && !existsSync(await gitDir.catch(() => ''))) gitDir = undefined;
    if (!gitDir) {
      gitDir = runGit(['rev-parse', '--absolute-git-dir'], { cwd: checkout, env }).then(({ stdout }) => stdout.trim());
      gitDirs.set(checkout, gitDir);
      gitDir.catch(() => gitDirs.delete(checkout));
    }
    return withFileLock(join(await gitDir, 'planwright-git'), work, { timeoutMs: GIT_LOCK_WAIT_MS, staleMs: GIT_LOCK_WAIT_MS });
  };
  return serializedInProcess(checkout, locked);
}
