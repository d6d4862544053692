import { realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { displayPath } from '@planwright/plan-schema';

/** One file of the review bundle. */
export interface BundleFile {
  /** Absolute path. */
  path: string;
  /** As shown in the bundle and in messages: relative to the repo when inside it. */
  label: string;
  text: string;
}

export interface BundleSources {
  /** Absolute repository root. */
  repo: string;
  pr: string;
  /** `--plan-options`, absolute (default `.plans/<PR>/preplan/PLAN_OPTIONS.md`). */
  planOptions: string;
  /** Whether `--plan-options` was given (the default is named differently in errors). */
  planOptionsGiven: boolean;
  /**
   * A missing or empty plan options file is left out instead of refused: a dry run, which (as the
   * kit's) writes what it would send before any plan options exist.
   */
  planOptionsOptional?: boolean;
  /** `--extra` files, absolute. */
  extra: string[];
}

/** The default `--plan-options`: `.plans/<PR>/preplan/PLAN_OPTIONS.md`. */
export function defaultPlanOptions(repo: string, pr: string): string {
  return join(repo, '.plans', pr, 'preplan', 'PLAN_OPTIONS.md');
}

/**
 * The files of the bundle in the kit's order — the plan options, `.plans/<PR>/CONTEXT.md`,
 * `research/RESEARCH.md`, `preplan/PLAN_OPTIONS.md`, then each `--extra` — keeping each file once and
 * skipping the optional ones that are missing or empty. The plan options (unless `planOptionsOptional`)
 * and every `--extra` must exist: otherwise a UsageError names the flag and the file.
 */
export async function collectBundleFiles(sources: BundleSources): Promise<BundleFile[]> {
  const planDir = join(sources.repo, '.plans', sources.pr);
  const options: Required = sources.planOptionsGiven
    ? { flag: `--plan-options ${sources.planOptions}`, hint: PATH_HINT }
    : { flag: `the plan options ${sources.planOptions}`, hint: 'write the plan options first, or name them with --plan-options' };
  const wanted: { path: string; required?: Required }[] = [
    { path: sources.planOptions, required: sources.planOptionsOptional ? undefined : options },
    { path: join(planDir, 'CONTEXT.md') },
    { path: join(planDir, 'research', 'RESEARCH.md') },
    { path: defaultPlanOptions(sources.repo, sources.pr) },
    ...sources.extra.map((path) => ({ path, required: { flag: `--extra ${path}`, hint: PATH_HINT } })),
  ];
  const seen = new Set<string>();
  const files: BundleFile[] = [];
  for (const { path, required } of wanted) {
    const text = await readIfFile(path, required);
    if (text === undefined) continue;
    const real = realpathSync(path);
    if (seen.has(real)) continue;
    seen.add(real);
    if (text.trim() === '') {
      if (path === sources.planOptions && !sources.planOptionsOptional) throw new UsageError(`${options.flag}: the file is empty`, { hint: 'write the plan options first' });
      continue;
    }
    files.push({ path: resolve(path), label: displayPath(path, sources.repo), text });
  }
  return files;
}

interface Required {
  flag: string;
  hint: string;
}

const PATH_HINT = 'check the path (relative paths start from the current folder)';

/** The text of `path`; undefined for a missing optional file. A required file must exist and be text. */
async function readIfFile(path: string, required: Required | undefined): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  const problem = !info ? 'no such file' : !info.isFile() ? 'not a file' : undefined;
  if (problem) {
    if (!required) return undefined;
    throw new UsageError(`${required.flag}: ${problem}`, { hint: required.hint });
  }
  const text = await readFile(path, 'utf8');
  if (!text.includes('\0')) return text;
  if (!required) return undefined;
  throw new UsageError(`${required.flag}: not a text file`, { hint: 'the bundle holds text files only' });
}
