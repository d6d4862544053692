import { headSha, integrateBranch, MergeConflictError, runGit, type RunGitOptions } from '@planwright/git-ops';

/** The checkout's head before and after; or the files that conflicted (nothing was changed). */
export type Integration = { commit: { before: string; after: string }; method: string } | { conflicts: string[] };

/**
 * One report's commit (fetched already) brought in on its own: a fast-forward when the checkout is still
 * at the task's base, nothing when the checkout holds it already, else a cherry-pick of the task's
 * commits after its base; anything but a clean pick (a conflict) is aborted and left to git-ops
 * `integrateBranch`, which does it again and names the conflicting files, leaving the checkout as it was.
 */
export async function integrateOne(git: RunGitOptions, report: { commit: { sha: string }; baseSha: string }): Promise<Integration> {
  const { sha } = report.commit;
  const before = (await headSha(git))!;
  if (before === report.baseSha && sha !== before) {
    await runGit(['merge', '--ff-only', '--quiet', sha], git);
    return { commit: { before, after: sha }, method: 'fast-forward' };
  }
  const held = await runGit(['merge-base', '--is-ancestor', sha, 'HEAD'], { ...git, okCodes: [1] });
  if (held.exitCode === 0) return { commit: { before, after: before }, method: 'nothing' };
  const picked = await runGit(['cherry-pick', '--allow-empty', `${report.baseSha}..${sha}`], { ...git, okCodes: [1, 128] });
  if (picked.exitCode === 0) return { commit: { before, after: (await headSha(git))! }, method: 'cherry-pick' };
  await runGit(['cherry-pick', '--abort'], { ...git, okCodes: [128] });
  try {
    const result = await integrateBranch({ ...git, branch: sha, base: report.baseSha });
    return { commit: { before, after: result.sha }, method: result.method };
  } catch (error) {
    if (error instanceof MergeConflictError) return { conflicts: error.paths };
    throw error;
  }
}
