import { resolve } from 'node:path';
import { resolvePlanFile, type PlanLocation } from '@planwright/plan-schema';
import { prRunsRoot } from '@planwright/run-store';

/** Where a board reads from: the `--pr`/`--plan` location, and the run root flag. */
export interface BoardLocation extends PlanLocation {
  /** Runs in `<runRoot>/<PR>/` (default `<plan dir>/runs`). */
  runRoot?: string;
}

/** The folders one PR's board reads: its plan, the `.plans/` folder holding every PR, its runs. */
export interface BoardPaths {
  repo: string;
  pr: string;
  planFile: string;
  planDir: string;
  /** `<repo>/.plans`, where the other PRs are. */
  plansDir: string;
  runsRoot: string;
  /** The run root flag, resolved, for the other PRs' runs. */
  runRoot: string | undefined;
  label: string;
}

/** Resolves the board's folders the way `planwright status` does (same flags, same defaults). */
export function boardPaths(options: BoardLocation): BoardPaths {
  const cwd = options.cwd ?? process.cwd();
  const located = resolvePlanFile({ ...options, cwd });
  const runRoot = options.runRoot ? resolve(cwd, options.runRoot) : undefined;
  return {
    repo: resolve(cwd, options.repo ?? '.'),
    pr: located.pr,
    planFile: located.file,
    planDir: located.planDir,
    plansDir: resolve(located.planDir, '..'),
    runsRoot: prRunsRoot({ planDir: located.planDir, runRoot, pr: located.pr }),
    runRoot,
    label: located.label,
  };
}
