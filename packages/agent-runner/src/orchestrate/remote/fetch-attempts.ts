import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFERRED_HOUSEKEEPING, runGit, type RunGitOptions } from '@planwright/git-ops';

/** FETCH_HEAD's path per checkout (a worktree has its own): asked of git once per process. */
const fetchHeadPaths = new Map<string, Promise<string>>();

/**
 * The commits the remote's `refs` point at, fetched in one `git fetch` into FETCH_HEAD (no ref of ours to
 * make and delete again), read from FETCH_HEAD itself rather than by a git process per ref. When the
 * fetch fails as a whole (a ref is not on the remote), each ref is fetched alone, so only the missing
 * one fails: its entry is the error. Call it holding the checkout's git lock (FETCH_HEAD is shared).
 * git's housekeeping after each fetch is put off: the run does it once at its end (RemoteRun.pushFinal).
 */
export async function fetchAttempts(git: RunGitOptions, remote: string, refs: string[]): Promise<Map<string, string | Error>> {
  const unique = [...new Set(refs)];
  const found = new Map<string, string | Error>();
  const all = await fetchInto(git, remote, unique);
  if (!(all instanceof Error)) return all;
  if (unique.length === 1) return found.set(unique[0]!, all);
  for (const ref of unique) {
    const one = await fetchInto(git, remote, [ref]);
    found.set(ref, one instanceof Error ? one : (one.get(ref) ?? new Error(`${ref}: not in FETCH_HEAD after it was fetched`)));
  }
  return found;
}

async function fetchInto(git: RunGitOptions, remote: string, refs: string[]): Promise<Map<string, string> | Error> {
  try {
    await runGit([...DEFERRED_HOUSEKEEPING, 'fetch', '--quiet', '--no-tags', remote, ...refs], git);
  } catch (error) {
    return error as Error;
  }
  return parseFetchHead(await readFile(await fetchHeadPath(git), 'utf8'));
}

/** `<sha>\t[not-for-merge]\t'<ref>' of <url>` per line (`branch '<name>' of` for a branch): ref → sha. */
export function parseFetchHead(text: string): Map<string, string> {
  const refs = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [sha, , description] = line.split('\t');
    const ref = description?.match(/^(?:branch |tag )?'(.+)' of /)?.[1];
    if (sha && ref) refs.set(description!.startsWith('branch ') ? `refs/heads/${ref}` : description!.startsWith('tag ') ? `refs/tags/${ref}` : ref, sha);
  }
  return refs;
}

function fetchHeadPath(git: RunGitOptions): Promise<string> {
  const { cwd } = git;
  let path = fetchHeadPaths.get(cwd);
  if (!path) {
    path = runGit(['rev-parse', '--git-path', 'FETCH_HEAD'], git).then((result) => resolve(cwd, result.stdout.trim()));
    // A failure is not kept: the next fetch asks again.
    path.catch(() => fetchHeadPaths.delete(cwd));
    fetchHeadPaths.set(cwd, path);
  }
  return path;
}
