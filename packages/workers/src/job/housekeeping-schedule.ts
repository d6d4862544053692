/**
 * Every how many jobs of one mirror (in this process) a job's cleanup runs git's housekeeping on it.
 * The jobs' fetches and commits put it off (DEFERRED_HOUSEKEEPING): a job adds a handful of loose objects
 * (its commit, trees and blobs; a small fetch's objects), and `git gc --auto` packs them only past 6,700,
 * so checking after every job would spend a process per job to find nothing to do. Every 25th keeps what
 * can pile up between two checks (about 25 jobs' objects, a few hundred) small beside that threshold, and
 * the check's cost under 1% of a job's git processes. A field, so that tests can make it small.
 */
export const housekeepingSchedule = { every: 25 };

const jobsByMirror = new Map<string, number>();

/** Counts one more job of `mirror`; true when this one's cleanup should run houseKeep. */
export function housekeepingDue(mirror: string): boolean {
  const jobs = (jobsByMirror.get(mirror) ?? 0) + 1;
  jobsByMirror.set(mirror, jobs);
  return jobs % housekeepingSchedule.every === 0;
}
