import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '@planwright/cli-kit';

/**
 * Refuses a path that lies outside the repository, also through symlinks: the deepest part of the path
 * that exists is resolved to its real path (a file not yet written is judged by its folder).
 * Returns the path, absolute.
 */
export async function insideRepo(repo: string, path: string, what: string): Promise<string> {
  const absolute = resolve(repo, path);
  const real = await realExisting(absolute);
  const rel = relative(repo, real);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new UsageError(`${what}: ${absolute} is outside the repository ${repo}`, {
      hint: 'this server acts only inside the repository it was started in',
    });
  }
  return absolute;
}

async function realExisting(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    if (parent === path) return path;
    // The missing tail keeps its name: only what exists can be a symlink.
    return resolve(await realExisting(parent), relative(parent, path));
  }
}
