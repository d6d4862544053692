import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/** Why a requested path was refused, or the real file to serve. */
export type SafePath = { ok: true; file: string } | { ok: false; status: 403 | 404; reason: string };

/**
 * Maps a URL path below one of the board's roots (`.plans/`, the run folders) to a real file inside that
 * root. Refused: any `..`, `.` or empty segment (also percent-encoded), a backslash or NUL, an absolute
 * path, and a symlink whose target lies outside the root. A file that does not exist is a 404.
 */
export async function safePath(root: string, urlPath: string): Promise<SafePath> {
  let segments: string[];
  try {
    segments = urlPath.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return { ok: false, status: 403, reason: 'bad percent-encoding' };
  }
  if (segments.length === 0 || segments.some((s) => s === '' || s === '.' || s === '..' || /[\\/\0]/.test(s))) {
    return { ok: false, status: 403, reason: 'path outside the served folders' };
  }
  const candidate = join(root, ...segments);
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await realpath(root);
    realFile = await realpath(candidate);
  } catch {
    return { ok: false, status: 404, reason: 'no such file' };
  }
  const rel = relative(realRoot, realFile);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    return { ok: false, status: 403, reason: 'path outside the served folders' };
  }
  return { ok: true, file: realFile };
}
