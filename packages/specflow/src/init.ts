import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openspecLayout, repoPath, type RepoOptions } from './layout/paths.js';
import { writeUnlessExists, type WriteOutcome } from './layout/write-new.js';
import { projectTemplate } from './templates.js';

export interface InitOptions extends RepoOptions {
  /** Overwrite openspec/project.md when it exists. */
  force?: boolean;
}

export interface InitResult {
  /** Repository path of each file `init` offers to write, with what happened to it. */
  files: { file: string; outcome: WriteOutcome }[];
}

/**
 * Creates `openspec/` with `project.md` and the `specs/`, `changes/` and `archive/` folders (each with a
 * `.gitkeep`, so git keeps them while empty). Existing files are kept; `force` rewrites project.md only.
 *
 * @example
 * await initOpenspec({ repo: '.' });
 */
export async function initOpenspec(options: InitOptions = {}): Promise<InitResult> {
  const layout = openspecLayout(options);
  const files: InitResult['files'] = [];
  const offer = async (file: string, text: string, force: boolean) => {
    files.push({ file: repoPath(layout, file), outcome: await writeUnlessExists(file, text, force) });
  };
  for (const dir of [layout.specs, layout.changes, layout.archive]) await mkdir(dir, { recursive: true });
  await offer(layout.projectMd, projectTemplate(), options.force ?? false);
  for (const dir of [layout.specs, layout.changes, layout.archive]) await offer(join(dir, '.gitkeep'), '', false);
  return { files };
}
