import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PlanwrightError } from '@planwright/cli-kit';
import { fetchRefs, hasCommit, initBareRepo } from '@planwright/git-ops';
import { withFileLock } from '@planwright/plan-schema';
import { serialized } from '@planwright/run-store';
import { normalizeRepoUrl } from './allow-repo.js';

/**
 * The job's base commit is not on the remote's PR branch (the branch was force-pushed or deleted after
 * the job was sent). Retried like any failed job, up to the queue's attempts: a fetch a moment later
 * finds it when the push that carries it was only late; then the job fails for good with this message.
 */
export class BaseCommitMissingError extends PlanwrightError {
  override name = 'BaseCommitMissingError';
}

/** How long a job waits for another fetch of the same mirror, and when a lock is taken over as stale. */
const MIRROR_LOCK = { timeoutMs: 10 * 60_000, staleMs: 10 * 60_000 };

/** `<cache>/mirrors/<hash of the normalized URL>.git`: one per remote, whatever its spelling. */
export function mirrorPath(cacheDir: string, remote: string): string {
  const hash = createHash('sha256').update(normalizeRepoUrl(remote)).digest('hex').slice(0, 16);
  return join(cacheDir, 'mirrors', `${hash}.git`);
}

/**
 * Runs `work` holding the mirror's lock: the one guard for everything that writes into a mirror
 * (fetches, worktrees, branches), shared by the jobs of one worker and by workers sharing a cache.
 */
export async function withMirrorLock<T>(mirror: string, work: () => Promise<T>): Promise<T> {
  // The jobs of this process queue here, so that only one at a time polls the lock file.
  return serialized(mirror, async () => {
    await mkdir(join(mirror, '..'), { recursive: true });
    return withFileLock(mirror, work, MIRROR_LOCK);
  });
}

export interface EnsureMirrorOptions {
  cacheDir: string;
  /** The remote's URL. */
  remote: string;
  /** The PR branch, fetched when the base is not in the mirror yet. */
  prBranch: string;
  baseSha: string;
  env?: NodeJS.ProcessEnv;
}

export interface MirrorState {
  path: string;
  /** The mirror was made by this call (the first job for this remote in this cache). */
  created: boolean;
  /** A fetch was needed: the base was not there yet. */
  fetched: boolean;
}

/**
 * A bare mirror of the remote in the cache, holding the job's base commit: created on first use; fetched
 * (the PR branch only) when the base is not there yet, so a later job of the same PR fetches only the new
 * commits, and none when its base arrived with an earlier fetch.
 *
 * @example
 * const { path } = await ensureMirror({ cacheDir, remote, prBranch: 'pr/pr-1', baseSha });
 */
export async function ensureMirror(options: EnsureMirrorOptions): Promise<MirrorState> {
  const path = mirrorPath(options.cacheDir, options.remote);
  const git = { cwd: path, env: options.env };
  const known = knownCommits(path);
  // Objects are never taken out of a mirror (workers sharing a cache only add to it): a commit this process
  // found there is there still, and a job whose base an earlier job fetched starts without a git process.
  if (known.has(options.baseSha)) return { path, created: false, fetched: false };
  const tracking = `refs/remotes/origin/${options.prBranch}`;
  const found = async () => (await refPointsAt(path, tracking, options.baseSha)) || hasCommit(options.baseSha, git);
  // Looking writes nothing: only a fetch needs the lock.
  const existed = isRepository(path);
  if (existed && (await found())) return remember(known, options.baseSha, { path, created: false, fetched: false });
  return withMirrorLock(path, async () => {
    // HEAD and objects/ there: a repository already, no process to ask (initBareRepo makes a half one whole).
    const { created } = isRepository(path) ? { created: false } : await initBareRepo({ path, env: options.env });
    // Another job may have fetched it while this one waited for the lock: its ref says so (git is asked
    // only about a mirror another job made meanwhile).
    const meanwhile = existed ? await refPointsAt(path, tracking, options.baseSha) : !created && (await found());
    if (meanwhile) return remember(known, options.baseSha, { path, created, fetched: false });
    // Without git's housekeeping after it: jobs' cleanups run it on a schedule (housekeeping-schedule.ts).
    await fetchRefs({ ...git, remote: options.remote, refspecs: [`+refs/heads/${options.prBranch}:${tracking}`], deferHousekeeping: true });
    if (!(await found())) {
      throw new BaseCommitMissingError(`the base commit ${options.baseSha} is not on ${options.prBranch} of ${options.remote}`, {
        hint: 'the PR branch moved after the job was sent (force-push?): run the task again from the coordinator',
      });
    }
    return remember(known, options.baseSha, { path, created, fetched: true });
  });
}

/** The commits this process has seen in each mirror, dropped when the mirror is gone (a cache wiped by hand). */
const seen = new Map<string, Set<string>>();

function knownCommits(path: string): Set<string> {
  let known = seen.get(path);
  if (known && !isRepository(path)) known = undefined;
  if (!known) seen.set(path, (known = new Set()));
  return known;
}

function remember(known: Set<string>, sha: string, state: MirrorState): MirrorState {
  known.add(sha);
  return state;
}

function isRepository(path: string): boolean {
  return existsSync(join(path, 'HEAD')) && existsSync(join(path, 'objects'));
}

/**
 * True when the loose ref file of `ref` names `sha`: git writes a ref only once its objects are in, so the
 * commit is there, with no process to ask. The usual case: the base is the PR branch's head, as the fetch
 * (this worker's, or another's sharing the cache) left it. Anything else (packed refs, an older base) is
 * asked of git.
 */
async function refPointsAt(mirror: string, ref: string, sha: string): Promise<boolean> {
  const text = await readFile(join(mirror, ref), 'utf8').catch(() => '');
  return text.trim() === sha;
}
