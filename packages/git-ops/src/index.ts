// The repository itself.
/** Make sure a folder is in a git repository (git init when not). */
export { ensureRepo, repoRoot } from './repo.js';
export type { EnsureRepoOptions, EnsureRepoResult } from './repo.js';
/** HEAD's commit, the checked-out branch, and whether the work tree has changes. */
export { headSha, currentBranch, isDirty } from './repo.js';
/** The first commit of a repository, only when it has none. */
export { baselineCommit, DEFAULT_BASELINE_MESSAGE } from './baseline.js';
export type { BaselineOptions, BaselineResult } from './baseline.js';

// .gitignore.
/** Write planwright's marked block of ignore patterns into a .gitignore, idempotently. */
export { ensureGitignoreBlock } from './gitignore.js';
export type { EnsureGitignoreOptions, EnsureGitignoreResult } from './gitignore.js';
/** The block itself, as a pure text transformation, and its markers and default patterns. */
export {
  applyIgnoreBlock,
  DEFAULT_IGNORE_PATTERNS,
  IGNORE_BLOCK_BEGIN,
  IGNORE_BLOCK_END,
  IgnoreBlockError,
} from './ignore-block.js';

// Branches and commits.
/** Check out the branch of a PR, creating it from HEAD when needed. */
export { checkoutBranch, branchExists } from './branch.js';
export type { CheckoutBranchOptions, CheckoutBranchResult } from './branch.js';
/** Branch names from a `<PR_NAME>` template, checked with git check-ref-format. */
export { branchNameFor, validateBranchName, PR_NAME_PLACEHOLDER, DEFAULT_BRANCH_TEMPLATE } from './branch-name.js';
/** One commit per task, `<task id>: <title>`. */
export { commitTask, taskCommitMessage } from './commit-task.js';
export type { CommitTaskOptions, CommitTaskResult } from './commit-task.js';
/** The files changed since a commit: committed, uncommitted and untracked. */
export { changedFilesSince } from './changes.js';
export type { ChangedFilesOptions } from './changes.js';
/** The whole work tree as a tree id (tracked and untracked, .gitignore respected), and what changed between two. */
export { snapshotWorkTree, changedBetween } from './snapshot.js';
export type { ChangedBetweenOptions, SnapshotOptions } from './snapshot.js';

// Worktrees.
/** Add, remove, list and prune git worktrees. */
export { addWorktree, removeWorktree, listWorktrees, pruneWorktrees } from './worktree.js';
export type { AddWorktreeOptions, AddWorktreeResult, RemoveWorktreeOptions } from './worktree.js';
/** Parse `git worktree list --porcelain`. */
export { parseWorktreeList } from './worktree-list.js';
export type { Worktree } from './worktree-list.js';

// Running git.
/** A failed git command, with git's args, stderr and exit code. */
export { GitError } from './errors.js';
export type { GitErrorDetails } from './errors.js';
/** Run git the way git-ops does: argument array, no prompt, C locale. */
export { runGit } from './run-git.js';
export { DEFERRED_HOUSEKEEPING, houseKeep } from './housekeeping.js';
export type { GitOptions, GitResult, RunGitOptions } from './run-git.js';

// Bringing a task branch back.
/** Fast-forward or cherry-pick a task branch into the checkout; conflicts named, nothing changed. */
export { integrateBranch, MergeConflictError } from './integrate.js';
export type { IntegrateBranchOptions, IntegrateResult } from './integrate.js';

// Remotes and caches (workers: a bare mirror per remote, worktrees from it, task refs pushed back).
/** A bare repository made once and reused; whether a commit is there; refs fetched and pushed by refspec; a branch deleted. */
export { initBareRepo, hasCommit, fetchRefs, pushRefs, deleteBranch } from './remote-refs.js';
export type { InitBareRepoOptions, TransferRefsOptions } from './remote-refs.js';
