import { execa } from 'execa';

/** The commit a task made, and its diff (cut at `maxBytes`). */
export interface CommitDiff {
  before: string;
  after: string;
  diff: string;
  truncated: boolean;
}

const SHA = /^[0-9a-f]{7,64}$/i;

/**
 * `git diff before..after` in the repository, for the task panel. Only hex shas from plan.json reach git
 * (never a flag), and a repository without them gives null rather than an error.
 */
export async function commitDiff(options: { repo: string; before?: string | null; after?: string | null; maxBytes?: number }): Promise<CommitDiff | null> {
  const { before, after } = options;
  if (!before || !after || !SHA.test(before) || !SHA.test(after) || before === after) return null;
  const result = await execa('git', ['-C', options.repo, 'diff', '--stat', '--patch', '--no-color', `${before}..${after}`], { reject: false, maxBuffer: 20_000_000, stdin: 'ignore' });
  if (result.exitCode !== 0) return null;
  const max = options.maxBytes ?? 200_000;
  const truncated = result.stdout.length > max;
  return { before, after, diff: truncated ? result.stdout.slice(0, max) : result.stdout, truncated };
}
