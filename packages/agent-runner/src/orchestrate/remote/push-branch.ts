import { currentBranch, headSha, runGit } from '@planwright/git-ops';
import { serialized } from '../git-lock.js';

/** The PR branch as pushed: its name and the commit the remote now has for it. */
export interface PushedBranch {
  branch: string;
  sha: string;
}

/**
 * Pushes the code dir's current branch to the remote (`<its head sha>:refs/heads/<branch>`), so a worker starts
 * from a commit that holds every task integrated so far (its dependencies among them). Serialized with
 * the checkout's other git work, so the head pushed is the head integrated, never one half-way.
 * `skip`: the head is on the remote already (this run pushed it last); `mark`: PLANWRIGHT_TIMINGS.
 */
export function pushPrBranch(codeDir: string, remote: string, env?: NodeJS.ProcessEnv, mark?: (phase: string) => void, skip?: (head: PushedBranch) => boolean): Promise<PushedBranch> {
  return serialized(
    codeDir,
    async () => {
      mark?.('git lock wait');
      const { branch, sha } = await branchAndHead(codeDir, env);
      // The sha read above, not HEAD: what is pushed is exactly what the caller is told.
      if (!skip?.({ branch, sha })) await runGit(['push', '--quiet', remote, `${sha}:refs/heads/${branch}`], { cwd: codeDir, env });
      return { branch, sha };
    },
    env,
  );
}

/** The current branch and its head in one git process (each costs the coordinator ~15 ms under load). */
async function branchAndHead(codeDir: string, env?: NodeJS.ProcessEnv): Promise<PushedBranch> {
  const both = await runGit(['rev-parse', 'HEAD', '--abbrev-ref', 'HEAD'], { cwd: codeDir, env, okCodes: [128] });
  const [sha, branch] = both.stdout.trim().split('\n');
  if (both.exitCode === 0 && sha && branch && branch !== 'HEAD') return { branch, sha };
  // Detached, or no commit yet: the slower reads, for the message that says which.
  const current = await currentBranch({ cwd: codeDir, env });
  if (!current) throw new Error(`${codeDir}: not on a branch (detached HEAD): the PR branch cannot be pushed`);
  const head = await headSha({ cwd: codeDir, env });
  if (!head) throw new Error(`${codeDir}: the branch ${current} has no commit to push`);
  return { branch: current, sha: head };
}
