import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Results } from '@planwright/plan-schema';
import { compareRunIds } from '../layout/run-id.js';
import { mapLimit } from '../map-limit.js';
import { readResultsFile } from '../results/check-results.js';
import { readMetaLoosely, text } from '../runs/run-files.js';

/** The newest results of a task across runs. */
export interface ResultsCandidate {
  task_id: string;
  /** The results' run_id (for files without one: the run's invocation id, else the folder name). */
  run_id: string;
  run_dir: string;
  path: string;
  results: Results;
}

/**
 * The newest results file of each task in `taskIds` across `runDirs`, by run id. Reads only the
 * results folders (one listing per run, one small file per task found) and never a log, so thousands
 * of runs stay cheap. Stale (moved aside), hidden (temp) and unusable files are skipped.
 */
export async function collectNewestResults(runDirs: string[], taskIds: ReadonlySet<string>): Promise<Map<string, ResultsCandidate>> {
  const newest = new Map<string, ResultsCandidate>();
  if (taskIds.size === 0) return newest;
  const perRun = await mapLimit(runDirs, 32, (runDir) => resultsOfRun(runDir, taskIds));
  for (const candidate of perRun.flat()) {
    const best = newest.get(candidate.task_id);
    if (!best || isNewer(candidate, best)) newest.set(candidate.task_id, candidate);
  }
  return newest;
}

function isNewer(a: ResultsCandidate, b: ResultsCandidate): boolean {
  const byRunId = compareRunIds(a.run_id, b.run_id);
  return byRunId !== 0 ? byRunId > 0 : compareRunIds(basename(a.run_dir), basename(b.run_dir)) > 0;
}

async function resultsOfRun(runDir: string, taskIds: ReadonlySet<string>): Promise<ResultsCandidate[]> {
  const resultsDir = join(runDir, 'results');
  const names = await readdir(resultsDir).catch(() => [] as string[]);
  const out: ResultsCandidate[] = [];
  let known: RunIds | undefined;
  for (const name of names) {
    if (!name.endsWith('.json') || name.startsWith('.') || name.includes('.stale-')) continue;
    const taskId = name.slice(0, -'.json'.length);
    if (!taskIds.has(taskId)) continue;
    const path = join(resultsDir, name);
    const file = await readResultsFile(path);
    if (file.state !== 'parsed' || file.results.task_id !== taskId) continue;
    known ??= await runIdsOf(runDir);
    const runId = file.results.run_id;
    // A result counts only for an invocation this run folder really had; anything else is not trusted.
    // The kit's done-file briefs never asked for a run id: such results belong to the run they are in.
    if (runId ? !known.ids.has(runId) : known.latest === undefined) continue;
    out.push({ task_id: taskId, run_id: runId || known.latest!, run_dir: runDir, path, results: file.results });
  }
  return out;
}

interface RunIds {
  ids: Set<string>;
  latest: string | undefined;
}

/** The invocation ids a run folder had: meta's current one, and earlier ones of a reused folder. */
async function runIdsOf(runDir: string): Promise<RunIds> {
  const { meta } = await readMetaLoosely(runDir);
  const latest = text(meta, 'invocation_run_id');
  const earlier = Array.isArray(meta?.invocations) ? meta.invocations.filter((id): id is string => typeof id === 'string') : [];
  return { ids: new Set([...earlier, ...(latest ? [latest] : [])]), latest: latest ?? (meta ? basename(runDir) : undefined) };
}
