import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatCounts, loadPlan, summarizePlan, TASK_ID_PATTERN } from '@planwright/plan-schema';
import { listRuns, prRunsRoot, type RunSummary } from '@planwright/run-store';

/** One PR of the repository in the board's list. */
export interface PrEntry {
  pr: string;
  /** `12 tasks: 3 done, ...`, or why the plan cannot be read. */
  counts: string;
  problem: string | null;
  runs: RunSummary[];
}

/**
 * Every PR under `.plans/` that has a plan.json, with its counts and its runs (newest first, at most
 * `maxRuns` each), read with the same library functions as `planwright status`.
 */
export async function listPrs(options: { plansDir: string; runRoot?: string; maxRuns?: number; known?: Map<string, { counts: string; runs: RunSummary[] }> }): Promise<PrEntry[]> {
  const entries = await readdir(options.plansDir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((entry) => entry.isDirectory() && TASK_ID_PATTERN.test(entry.name)).map((entry) => entry.name).sort();
  const prs = await Promise.all(
    names.map(async (pr): Promise<PrEntry | null> => {
      // The board's own PR was just read: not again.
      const known = options.known?.get(pr);
      if (known) return { pr, counts: known.counts, problem: null, runs: known.runs.slice(0, options.maxRuns ?? 20) };
      const planDir = join(options.plansDir, pr);
      let counts: string;
      let problem: string | null = null;
      try {
        counts = formatCounts(summarizePlan(await loadPlan(join(planDir, 'plan.json'))));
      } catch (error) {
        if ((error as { cause?: { code?: string } }).cause?.code === 'ENOENT' || !(await hasPlan(planDir))) return null;
        counts = 'plan unreadable';
        problem = (error as Error).message;
      }
      const runs = await listRuns({ runsRoot: prRunsRoot({ planDir, runRoot: options.runRoot, pr }) });
      return { pr, counts, problem, runs: runs.slice(0, options.maxRuns ?? 20) };
    }),
  );
  return prs.filter((entry): entry is PrEntry => entry !== null);
}

async function hasPlan(planDir: string): Promise<boolean> {
  const names = await readdir(planDir).catch(() => [] as string[]);
  return names.includes('plan.json');
}
