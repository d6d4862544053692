/** Temp folders that are removed when the current test finishes. */
export { tempDir, writeFiles } from './temp-dir.js';
/** Temp git repositories with an isolated config. */
export { tempGitRepo, git, isolatedGitEnv } from './git-repo.js';
/** A temp folder with a `.plans/<PR>/plan.json`. */
export { tempPlanRepo } from './plan-repo.js';
export type { TempPlanRepo, TempPlanRepoOptions } from './plan-repo.js';
