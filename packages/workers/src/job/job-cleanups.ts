/**
 * The cleanups of jobs that have reported, by job key, while they run. A later job of the same key
 * (an attempt taken again by this worker) waits for its predecessor's: the cleanup removes the worktree
 * and run folder that the new attempt would make at the same paths.
 */
const inFlight = new Map<string, Promise<void>>();

/** Resolves once no cleanup of `key` runs in this process. */
export async function cleanupOf(key: string): Promise<void> {
  await inFlight.get(key);
}

/**
 * Registers the cleanup of `key` now and returns the work that runs it: the job hands that to whoever
 * runs it after the report (see RunJobContext.afterReport). It never rejects: a cleanup that fails says so
 * itself, and the next job for the key clears the leftovers.
 */
export function pendingCleanup(key: string, cleanup: () => Promise<void>): () => Promise<void> {
  let start!: () => void;
  const started = new Promise<void>((resolve) => (start = resolve));
  const done = started.then(cleanup).catch(() => undefined);
  inFlight.set(key, done);
  void done.then(() => {
    if (inFlight.get(key) === done) inFlight.delete(key);
  });
  return () => {
    start();
    return done;
  };
}
