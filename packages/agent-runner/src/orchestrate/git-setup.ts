import { baselineCommit, checkoutBranch, ensureGitignoreBlock, ensureRepo } from '@planwright/git-ops';

export interface GitSetupOptions {
  codeDir: string;
  pr: string;
  ensureGit: boolean;
  baselineCommit: boolean;
  gitignoreRuns: boolean;
  gitBranch?: string;
  env?: Record<string, string | undefined>;
}

/**
 * The git set-up the kit's flags ask for, before any agent starts: a repository (`--ensure-git`), the
 * ignore block for run folders, a baseline commit when the repo has none, and the PR branch. Unlike the
 * kit's "best effort", a failure stops the run: an agent working on the wrong branch is worse than none.
 * Returns what was done, as short notes.
 */
export async function setUpGit(options: GitSetupOptions): Promise<string[]> {
  const notes: string[] = [];
  const git = { cwd: options.codeDir, env: options.env };
  if (options.ensureGit) {
    const repo = await ensureRepo(git);
    if (repo.created) notes.push(`git init in ${repo.root}`);
    if (options.gitignoreRuns) {
      const ignore = await ensureGitignoreBlock({ cwd: options.codeDir });
      if (ignore.changed) notes.push(`.gitignore: run folders ignored (${ignore.action})`);
    }
    if (options.baselineCommit) {
      const baseline = await baselineCommit({ ...git, allowEmpty: true });
      if (baseline.committed) notes.push(`baseline commit ${baseline.sha.slice(0, 8)}`);
    }
  }
  if (options.gitBranch) {
    const branch = await checkoutBranch({ ...git, branch: options.gitBranch, pr: options.pr });
    if (branch.action !== 'current') notes.push(`on branch ${branch.branch} (${branch.action})`);
  }
  return notes;
}
