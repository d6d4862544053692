import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The delta files of a change's `specs/` folder, and the `.md` files there that no merge would read. */
export interface DeltaFiles {
  /** Every `<capability path>/spec.md` at any depth (`auth`, `platform/auth`), sorted by capability. */
  specs: { capability: string; file: string }[];
  /** Paths under `specs/` ("/"-separated) of `.md` files that are not a capability's spec.md. */
  unread: string[];
}

/**
 * Walks a change's `specs/` folder as OpenSpec does (dot entries skipped, symlinked folders not followed):
 * every `spec.md` inside a capability folder, however deep, is a delta; any other `.md` file (a
 * `specs/spec.md` at the root too) is reported, so that no delta is ever left unread. A missing folder has
 * none.
 */
export async function discoverDeltaFiles(specsDir: string): Promise<DeltaFiles> {
  const found: DeltaFiles = { specs: [], unread: [] };
  const walk = async (dir: string, segments: string[]): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
      throw error;
    });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, [...segments, entry.name]);
      else if (entry.name === 'spec.md' && segments.length > 0) found.specs.push({ capability: segments.join('/'), file: path });
      else if (entry.name.toLowerCase().endsWith('.md')) found.unread.push([...segments, entry.name].join('/'));
    }
  };
  await walk(specsDir, []);
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  found.specs.sort((a, b) => byCodePoint(a.capability, b.capability));
  found.unread.sort(byCodePoint);
  return found;
}
