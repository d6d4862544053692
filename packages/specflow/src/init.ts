import { UsageError } from '@planwright/cli-kit';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { detectLayout, layoutOf, type LayoutKind } from './layout/openspec-layout.js';
import { isFile, repoPath, type RepoOptions } from './layout/paths.js';
import { writeUnlessExists, type WriteOutcome } from './layout/write-new.js';
import { projectTemplate } from './templates.js';
import { openspecConfigTemplate } from './templates-openspec-1.js';

export interface InitOptions extends RepoOptions {
  /** Overwrite openspec/project.md (kit) or openspec/config.yaml (OpenSpec 1.x) when it exists. */
  force?: boolean;
  /** Which layout to make (default: the one the repository already has, else `kit`). */
  layout?: LayoutKind;
}

export interface InitResult {
  /** The layout made (or found): `kit` or `openspec-1`. */
  layout: LayoutKind;
  /** Repository path of each file `init` offers to write, with what happened to it. */
  files: { file: string; outcome: WriteOutcome }[];
}

/**
 * Creates `openspec/`. The kit's layout (the default): `project.md` and the `specs/`, `changes/` and
 * `archive/` folders, each with a `.gitkeep` so git keeps them while empty. OpenSpec 1.x's
 * (`layout: 'openspec-1'`): what `openspec init` makes, minus its AI-tool files: `config.yaml`,
 * `specs/.gitkeep` and `changes/archive/.gitkeep`. Existing files are kept; `force` rewrites project.md or
 * config.yaml only. Asking for one layout in a repository that has the other is a usage error.
 *
 * @example
 * await initOpenspec({ repo: '.', layout: 'openspec-1' });
 */
export async function initOpenspec(options: InitOptions = {}): Promise<InitResult> {
  const found = await detectLayout(options);
  const hasKit = await isFile(found.projectMd);
  const existing: LayoutKind | undefined = found.kind === 'openspec-1' ? 'openspec-1' : hasKit ? 'kit' : undefined;
  const kind = options.layout ?? existing ?? 'kit';
  if (existing !== undefined && existing !== kind) {
    const has = existing === 'kit' ? 'the kit layout (openspec/project.md)' : 'the OpenSpec 1.x layout (openspec/config.yaml)';
    throw new UsageError(`--layout ${kind}: ${repoPath(found, found.openspec)}/ already has ${has}; nothing was changed`, {
      hint: `run init with --layout ${existing}, or without --layout`,
    });
  }
  const layout = layoutOf(kind, options);
  const files: InitResult['files'] = [];
  const offer = async (file: string, text: string, force: boolean) => {
    files.push({ file: repoPath(layout, file), outcome: await writeUnlessExists(file, text, force) });
  };
  const force = options.force ?? false;
  if (kind === 'openspec-1') {
    for (const dir of [layout.specs, layout.archive]) await mkdir(dir, { recursive: true });
    await offer(layout.config, openspecConfigTemplate(), force);
    for (const dir of [layout.specs, layout.archive]) await offer(join(dir, '.gitkeep'), '', false);
    return { layout: kind, files };
  }
  for (const dir of [layout.specs, layout.changes, layout.archive]) await mkdir(dir, { recursive: true });
  await offer(layout.projectMd, projectTemplate(), force);
  for (const dir of [layout.specs, layout.changes, layout.archive]) await offer(join(dir, '.gitkeep'), '', false);
  return { layout: kind, files };
}
