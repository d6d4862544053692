import { UsageError } from '@planwright/cli-kit';
import { basename, dirname, relative, resolve } from 'node:path';
import { TASK_ID_PATTERN } from '../schemas/common.js';
import { resolvePrDir } from './pr-name.js';

/** How commands name a plan: `--repo` and `--pr` (the plan at `.plans/<PR>/plan.json`), or `--plan`. */
export interface PlanLocation {
  /** Repository root (default `.`). */
  repo?: string;
  pr?: string;
  /** A plan file; wins over repo and pr. */
  plan?: string;
  /** Folder that relative paths start from (default `process.cwd()`). */
  cwd?: string;
}

export interface ResolvedPlan {
  /** Absolute path of plan.json. */
  file: string;
  /** The folder of plan.json, where MASTER.md and CONTEXT.md live. */
  planDir: string;
  /** The PR name: the name of the plan's folder (for `--pr`, the one PR-name rule's folder). */
  pr: string;
  /** The path to show people: relative to cwd when inside it. */
  label: string;
}

/**
 * Resolves `--repo/--pr` or `--plan` to the plan file; `--pr` follows the one PR-name rule
 * ({@link resolvePrDir}: the folder as typed if it exists, else the kit's slug). Bad or missing input is a
 * UsageError.
 */
export function resolvePlanFile(location: PlanLocation): ResolvedPlan {
  const cwd = location.cwd ?? process.cwd();
  let file: string;
  if (location.plan) file = resolve(cwd, location.plan);
  else if (location.pr !== undefined) file = resolve(resolvePrDir({ pr: location.pr, repo: location.repo, cwd }), 'plan.json');
  else throw new UsageError('name the plan with --pr <PR> or --plan <file>', { hint: 'the plan of --pr P is .plans/P/plan.json' });
  const planDir = dirname(file);
  return { file, planDir, pr: basename(planDir), label: displayPath(file, cwd) };
}

/** `file` relative to `cwd` when it is inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !rel.startsWith('/') ? rel : file;
}
