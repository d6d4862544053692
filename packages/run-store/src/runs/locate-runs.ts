import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { prFolderName } from '@planwright/plan-schema';
import { prRunsRoot } from '../layout/run-layout.js';

export interface RunsLocation {
  /** Repository root (default `.`). */
  repo?: string;
  pr?: string;
  /** The kit's `--run-root`: runs live in `<runRoot>/<PR>/` instead of `<repo>/.plans/<PR>/runs`. */
  runRoot?: string;
  cwd?: string;
}

export interface LocatedRuns {
  pr: string;
  repo: string;
  planDir: string;
  /** The resolved --run-root, when one was given. */
  runRoot: string | undefined;
  runsRoot: string;
}

/**
 * Where the runs of a PR are. Bad input is a UsageError (exit 2): no --pr, a --run-root that is not a
 * folder, or a PR with neither a plan folder nor runs.
 */
export function locateRuns(options: RunsLocation): LocatedRuns {
  const cwd = options.cwd ?? process.cwd();
  if (!options.pr) throw new UsageError('name the PR with --pr <PR>', { hint: 'its runs are under <repo>/.plans/<PR>/runs' });
  const repo = resolve(cwd, options.repo ?? '.');
  const pr = prFolderName({ pr: options.pr, repo });
  const planDir = resolve(repo, '.plans', pr);
  const runRoot = options.runRoot ? checkRunRoot(resolve(cwd, options.runRoot)) : undefined;
  const runsRoot = prRunsRoot({ planDir, runRoot, pr });
  if (!existsSync(planDir) && !existsSync(runsRoot)) {
    throw new UsageError(`--pr ${pr}: unknown PR, no ${planDir} and no runs in ${runsRoot}`, {
      hint: runRoot ? 'check --pr, --repo and --run-root' : 'check --pr and --repo, or pass the --run-root the runs used',
    });
  }
  return { pr, repo, planDir, runRoot, runsRoot };
}

/** A UsageError unless the --run-root folder exists. */
export function checkRunRoot(runRoot: string): string {
  let isDir = false;
  try {
    isDir = statSync(runRoot).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new UsageError(`--run-root ${runRoot}: no such folder`, { hint: 'pass the run root the orchestrator used' });
  return runRoot;
}
