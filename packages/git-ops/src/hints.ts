const MISSING_IDENTITY = /identity unknown|unable to auto-detect email|no email was given|empty ident name/i;

/** The fix for a missing identity, as commands people can paste. */
export const IDENTITY_HINT =
  'set it: git config user.name "Your Name" && git config user.email "you@example.com" (add --global for every repository)';

/** Fixes for the git failures people meet most, matched on git's (C locale) stderr. */
const HINTS: [RegExp, string][] = [
  [MISSING_IDENTITY, IDENTITY_HINT],
  [/not a git repository/, 'run `git-ops ensure` (or git init) first'],
  [/index\.lock': File exists/, 'another git process is running; if none is, delete .git/index.lock'],
  [/detected dubious ownership/, 'the repository belongs to another user; see `git config --global --add safe.directory`'],
  [/contains modified or untracked files, use --force/, 'commit the changes in it, or remove it with force'],
  [/cannot remove a locked working tree/, 'unlock it first: git worktree unlock <path>'],
  [/is already (checked out|used by worktree) at/, 'a branch can be checked out in one worktree only'],
];

/** A hint for git's stderr, or undefined when nothing better than git's own words is known. */
export function hintFor(stderr: string): string | undefined {
  return HINTS.find(([pattern]) => pattern.test(stderr))?.[1];
}

/**
 * What to say instead of git's first line, when git's first line is not the point: for a missing
 * identity git starts with a banner and ends with the actual reason.
 */
export function restateFailure(stderr: string, said: string): string {
  if (MISSING_IDENTITY.test(stderr)) return `no user identity (user.name, user.email) is configured: ${said}`;
  return said;
}
