const queues = new Map<string, Promise<unknown>>();

/**
 * Runs git work on one checkout one piece at a time within this process: tasks finishing together would
 * otherwise race for the repository's index lock (commits, merges, worktree add/remove).
 */
export function serialized<T>(checkout: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(checkout) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(checkout, next.catch(() => undefined));
  return next;
}
