import { headSha, integrateBranch, MergeConflictError, runGit } from '@planwright/git-ops';
import { serialized } from '../git-lock.js';

export interface IntegrateReportOptions {
  codeDir: string;
  /** The remote's name (fetched from). */
  remote: string;
  pr: string;
  taskId: string;
  /** The task's commit and the ref of the attempt that made it, as the report names them. */
  commit: { sha: string; attemptRef: string };
  /** The commit the task started from; its commits after it are brought in. */
  baseSha: string;
  env?: NodeJS.ProcessEnv;
  /** Marks the end of a phase (PLANWRIGHT_TIMINGS): `fetch` is split from the rest. */
  mark?: (phase: string) => void;
}

/** The checkout's head before and after; or the files that conflicted (nothing was changed). */
export type Integration = { commit: { before: string; after: string }; method: string } | { conflicts: string[] };

/**
 * Brings exactly the reported commit into the checkout: the attempt's own ref is fetched (a late worker
 * that pushes the task branch again cannot change what lands) and must be the reported sha, then a
 * fast-forward when the checkout is still at the task's base, else git-ops `integrateBranch` cherry-picks it; a conflict leaves the checkout as it was. A commit
 * the checkout already holds (a report seen twice) is not brought in again.
 */
export function integrateReport(options: IntegrateReportOptions): Promise<Integration> {
  const { codeDir, env } = options;
  const git = { cwd: codeDir, env };
  return serialized(
    codeDir,
    async () => {
      options.mark?.('git lock wait');
      // Into FETCH_HEAD, under the checkout's git lock: no ref of our own to make and delete again.
      await runGit(['fetch', '--quiet', '--no-tags', options.remote, options.commit.attemptRef], git);
      const fetched = (await runGit(['rev-parse', '--verify', 'FETCH_HEAD^{commit}'], git)).stdout.trim();
      options.mark?.('fetch');
      if (fetched !== options.commit.sha) throw new Error(`${options.taskId}: ${options.commit.attemptRef} is ${fetched.slice(0, 8)} on the remote, not the reported ${options.commit.sha.slice(0, 8)}`);
      const before = (await headSha(git))!;
      // The checkout is still at the task's base: a fast-forward, with none of the checks a moved checkout needs
      // (the reported commit cannot be held yet: it is a new commit on top of the head).
      if (before === options.baseSha && fetched !== before) {
        await runGit(['merge', '--ff-only', '--quiet', fetched], git);
        return { commit: { before, after: fetched }, method: 'fast-forward' };
      }
      const held = await runGit(['merge-base', '--is-ancestor', options.commit.sha, 'HEAD'], { ...git, okCodes: [1] });
      if (held.exitCode === 0) return { commit: { before, after: before }, method: 'nothing' };
      // The usual case, a clean cherry-pick, in two git processes; anything else (a conflict) is aborted and
      // left to integrateBranch, which does it again and names the conflicting files.
      const picked = await runGit(['cherry-pick', '--allow-empty', `${options.baseSha}..${fetched}`], { ...git, okCodes: [1, 128] });
      if (picked.exitCode === 0) return { commit: { before, after: (await headSha(git))! }, method: 'cherry-pick' };
      await runGit(['cherry-pick', '--abort'], { ...git, okCodes: [128] });
      try {
        const result = await integrateBranch({ ...git, branch: options.commit.sha, base: options.baseSha });
        return { commit: { before, after: result.sha }, method: result.method };
      } catch (error) {
        if (error instanceof MergeConflictError) return { conflicts: error.paths };
        throw error;
      }
    },
    env,
  );
}
