import { resolve } from 'node:path';
import { printJson, type CliIo } from '@planwright/cli-kit';
import { ensureGitignoreBlock, type EnsureGitignoreResult } from '../gitignore.js';
import { ensureRepo } from '../repo.js';
import type { EnsureArgs } from './args.js';

/** `ensure`: one line for the repository and one for .gitignore. */
export async function runEnsure(args: EnsureArgs, io: CliIo): Promise<number> {
  const cwd = resolve(args.repo);
  const repo = await ensureRepo({ cwd });
  // The block goes next to .plans/, which is in --repo, not necessarily at the repository's top.
  const gitignore = args.gitignore ? await ensureGitignoreBlock({ cwd }) : null;
  if (args.json) {
    printJson(io, { ...repo, gitignore });
    return 0;
  }
  io.out(repo.created ? `created a git repository in ${repo.root}` : `git repository: ${repo.root} (already there)`);
  if (gitignore) io.out(`${gitignore.file}: ${describeGitignore(gitignore)}`);
  return 0;
}

function describeGitignore({ action }: EnsureGitignoreResult): string {
  if (action === 'created') return 'created with the planwright block';
  if (action === 'added') return 'planwright block added';
  if (action === 'replaced') return 'planwright block updated';
  return 'planwright block up to date';
}
