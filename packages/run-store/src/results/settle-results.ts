import { rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { checkHandshake } from '@planwright/plan-schema';
import { writeJsonAtomic } from '../files/json-file.js';
import { fsError } from '../fs-errors.js';
import type { RunLayout } from '../layout/run-layout.js';
import { checkResults, readResultsFile, type ResultsCheck } from './check-results.js';

export interface SettleResultsOptions {
  taskId: string;
  runId: string;
  /** Where the agent worked (the code dir, or the task's worktree): a file written there is looked for. */
  codeDir: string;
  /** The repository's root, when it is not the code dir (a worktree's main checkout). */
  repoRoot?: string;
}

/**
 * The results of a task as the orchestrator keeps them, once the agent is done: read tolerantly, and
 * when read with repairs (a code fence, comments...) rewritten as plain JSON with `repaired`, so every
 * later reader sees JSON. When the run folder holds no valid results, a file the agent wrote in the
 * wrong place — in the code dir at the run folder's path relative to the repo, `results/<id>.json` or
 * `<id>.json` in the code dir or the repo root — is moved into the run folder (`moved_from`, `note`).
 * Only results with this task's and run's ids are ever moved or trusted.
 *
 * @example
 * const check = await settleResults(layout, { taskId: 'task_001', runId, codeDir: '/repo' });
 */
export async function settleResults(layout: RunLayout, options: SettleResultsOptions): Promise<ResultsCheck> {
  const target = layout.resultsPath(options.taskId);
  const check = await checkResults(layout, options.taskId, options.runId);
  if (check.state === 'valid') {
    if (check.results.repaired) await writeJsonAtomic(target, check.results);
    return check;
  }
  for (const candidate of misplacedCandidates(layout, options)) {
    const file = await readResultsFile(candidate);
    if (file.state !== 'parsed') continue;
    const found = checkHandshake(file.results, options);
    if (found.state !== 'valid') continue;
    const results = { ...found.results, moved_from: candidate, note: found.results.note ?? `written at ${candidate}; moved into the run folder by the orchestrator` };
    await writeJsonAtomic(target, results);
    // Out of the code dir, so that no commit takes it along.
    await rm(candidate, { force: true }).catch((error: unknown) => {
      throw fsError('remove', candidate, error);
    });
    return { state: 'valid', results };
  }
  return check;
}

/** Where agents put results files instead of the run folder, most likely first; never the run folder itself. */
function misplacedCandidates(layout: RunLayout, { taskId, codeDir, repoRoot }: SettleResultsOptions): string[] {
  const target = layout.resultsPath(taskId);
  const roots = [...new Set([resolve(codeDir), ...(repoRoot ? [resolve(repoRoot)] : [])])];
  const candidates: string[] = [];
  for (const root of roots) {
    // The brief's absolute path taken as relative to the code dir (a worktree's copy of .plans/...).
    for (const base of roots) {
      const inside = relative(base, target);
      if (inside && !inside.startsWith('..') && !isAbsolute(inside)) candidates.push(join(root, inside));
    }
    candidates.push(join(root, 'results', `${taskId}.json`), join(root, `${taskId}.json`));
  }
  return [...new Set(candidates)].filter((candidate) => candidate !== target);
}
