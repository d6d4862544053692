import { UsageError } from '@planwright/cli-kit';
import { mkdir } from 'node:fs/promises';
import { changePaths, isFile, openspecLayout, repoPath, type RepoOptions } from './layout/paths.js';
import { slugify } from './layout/slug.js';
import { writeUnlessExists, type WriteOutcome } from './layout/write-new.js';
import { designTemplate, proposalTemplate, tasksTemplate } from './templates.js';

export interface ProposalOptions extends RepoOptions {
  /** The change name; the slug rule makes it a folder name (`Add Login!` -> `add-login`). */
  change: string;
  /** Overwrite proposal.md, tasks.md and design.md when they exist. */
  force?: boolean;
}

export interface ProposalResult {
  change: string;
  /** Repository path of the change folder. */
  dir: string;
  files: { file: string; outcome: WriteOutcome }[];
}

/**
 * Creates `openspec/changes/<change>/` with proposal.md, tasks.md, design.md and an empty `specs/`.
 * Existing files are kept unless `force`. Needs `openspec/project.md` (run `initOpenspec` first).
 *
 * @example
 * const { dir } = await createProposal({ repo: '.', change: 'add-2fa' }); // openspec/changes/add-2fa
 */
export async function createProposal(options: ProposalOptions): Promise<ProposalResult> {
  const layout = openspecLayout(options);
  const change = changePaths(layout, slugify(options.change));
  if (!(await isFile(layout.projectMd))) {
    throw new UsageError(`${repoPath(layout, layout.projectMd)}: missing`, { hint: 'run "specflow init" first' });
  }
  await mkdir(change.specs, { recursive: true });
  const force = options.force ?? false;
  const files: ProposalResult['files'] = [];
  for (const [file, text] of [
    [change.proposal, proposalTemplate(change.name)],
    [change.tasks, tasksTemplate()],
    [change.design, designTemplate()],
  ] as const) {
    files.push({ file: repoPath(layout, file), outcome: await writeUnlessExists(file, text, force) });
  }
  return { change: change.name, dir: repoPath(layout, change.dir), files };
}
