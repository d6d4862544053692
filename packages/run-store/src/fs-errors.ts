import { RunStoreError } from './errors.js';

/** What to do about the file-system errors people meet with run folders. */
const HINTS: Record<string, string> = {
  EACCES: 'permission denied: choose a writable --run-root or fix the folder permissions',
  EPERM: 'operation not permitted: choose a writable --run-root or fix the folder permissions',
  EROFS: 'read-only file system: choose a --run-root on a writable disk',
  ENOSPC: 'no space left on the device: free some space or choose another --run-root',
  EDQUOT: 'disk quota exceeded: free some space or choose another --run-root',
  ENOTDIR: 'a part of the path is a file, not a folder: choose another --run-root',
  EEXIST: 'a file is in the way: remove it or choose another --run-root',
  ENOENT: 'a folder on the way is gone: was the run folder deleted or moved while the run was going?',
};

/** The OS error code of a thrown error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Turns a failed file-system call into a one-line RunStoreError: `cannot <action> <path>: <CODE>` with a
 * hint for the common causes. Errors without an OS code are bugs and are passed on unchanged.
 */
export function fsError(action: string, path: string, error: unknown): Error {
  const code = errorCode(error);
  if (!code) return error as Error;
  return new RunStoreError(`cannot ${action} ${path}: ${code}`, {
    path,
    code,
    hint: HINTS[code] ?? (error as Error).message,
    cause: error,
  });
}
