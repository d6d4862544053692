/** One entry of `git worktree list --porcelain`. */
export interface Worktree {
  /** Absolute path of the worktree. */
  path: string;
  /** The commit checked out; null in a bare repository or a branch without commits. */
  head: string | null;
  /** The branch checked out (`pr/pr-42`, without `refs/heads/`); null when detached or bare. */
  branch: string | null;
  detached: boolean;
  bare: boolean;
  locked: boolean;
  /** Why it is locked, when a reason was given. */
  lockedReason?: string;
  /** True when git would prune it (its folder is gone). */
  prunable: boolean;
  prunableReason?: string;
}

/**
 * Parses `git worktree list --porcelain`: blocks separated by a blank line, one `key value` per line.
 *
 * @example
 * parseWorktreeList('worktree /repo\nHEAD 1a2b\nbranch refs/heads/main\n');
 */
export function parseWorktreeList(text: string): Worktree[] {
  const worktrees: Worktree[] = [];
  let current: Worktree | undefined;
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    const key = space === -1 ? line : line.slice(0, space);
    const value = space === -1 ? '' : line.slice(space + 1);
    if (key === 'worktree') {
      current = { path: value, head: null, branch: null, detached: false, bare: false, locked: false, prunable: false };
      worktrees.push(current);
    } else if (current) {
      applyAttribute(current, key, value);
    }
  }
  return worktrees;
}

function applyAttribute(worktree: Worktree, key: string, value: string): void {
  switch (key) {
    case 'HEAD':
      // An unborn branch shows as all zeros.
      worktree.head = /^0+$/.test(value) ? null : value;
      break;
    case 'branch':
      worktree.branch = value.replace(/^refs\/heads\//, '');
      break;
    case 'detached':
      worktree.detached = true;
      break;
    case 'bare':
      worktree.bare = true;
      break;
    case 'locked':
      worktree.locked = true;
      if (value) worktree.lockedReason = value;
      break;
    case 'prunable':
      worktree.prunable = true;
      if (value) worktree.prunableReason = value;
      break;
    default:
      // Keys added by later git versions are skipped rather than guessed at.
      break;
  }
}
