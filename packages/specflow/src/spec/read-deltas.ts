import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { discoverDeltaFiles } from './discover-deltas.js';
import { parseDeltaSpec, type DeltaSpec } from './parse-delta.js';

/** How a file is named in output: its path relative to the repository, "/"-separated. */
export type RepoPathOf = (file: string) => string;

/** Every delta of a change's `specs/` folder, nested capability folders included, parsed. */
export async function readDeltaSpecs(specsDir: string, repoPathOf: RepoPathOf): Promise<DeltaSpec[]> {
  const { specs } = await discoverDeltaFiles(specsDir);
  return Promise.all(
    specs.map(async ({ capability, file }) => parseDeltaSpec(await readFile(file, 'utf8'), capability, repoPathOf(file))),
  );
}

/**
 * One error per `.md` file under a change's `specs/` that is not a capability's `spec.md` (including a
 * `specs/spec.md` at the root): archive would not read it, so a change with one is neither valid nor archived.
 */
export async function checkUnreadDeltaFiles(specsDir: string, repoPathOf: RepoPathOf): Promise<Diagnostic[]> {
  const { unread } = await discoverDeltaFiles(specsDir);
  return unread.map((path) => {
    const file = repoPathOf(join(specsDir, ...path.split('/')));
    const at = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : path === 'spec.md' ? '<capability>' : path.replace(/\.md$/i, '');
    const message = `archive reads only specs/<capability>/spec.md, so this file would be left unread (move it to specs/${at}/spec.md)`;
    return diagnostic('DELTA_FILE_UNREAD', { file, message });
  });
}
