import { UsageError } from '@planwright/cli-kit';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TASK_ID_PATTERN } from '../schemas/common.js';

/** The slug, or '' when nothing is left; for names that may be empty (headings turned into domains). */
export function toSlug(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The kit's slug rule for change and PR names: trimmed, lower-cased, every run of characters other than
 * a-z and 0-9 turned into one "-", no "-" at either end. `what` names the input in the error.
 *
 * @example
 * slugify('Add Profile Filters!') // 'add-profile-filters'
 */
export function slugify(name: string, what = 'change name'): string {
  const slug = toSlug(name);
  if (!slug) {
    throw new UsageError(`${what} ${JSON.stringify(name)}: the slug is empty (only a-z and 0-9 are kept)`, {
      hint: 'use a name with letters or digits, such as add-login',
    });
  }
  return slug;
}

/** Where the PR's folder is looked for: `<cwd>/<repo>/.plans/`. */
export interface PrDirOptions {
  /** The PR name as the user typed it. */
  pr: string;
  /** Repository root (default `.`). */
  repo?: string;
  /** Folder that a relative `repo` starts from (default `process.cwd()`). */
  cwd?: string;
}

/**
 * The folder name of a PR under `.plans/`: the name exactly as typed when that folder already exists
 * (plans made before every command slugged keep working), else the kit's slug (`PR_42` -> `pr-42`).
 * A name that slugs to nothing is a UsageError naming `--pr`.
 *
 * @example
 * prFolderName({ pr: 'PR_42' }) // 'pr-42', unless .plans/PR_42/ exists
 */
export function prFolderName(options: PrDirOptions): string {
  const plans = resolve(options.cwd ?? process.cwd(), options.repo ?? '.', '.plans');
  // Only a plain token may be taken as typed: anything else (`../x`, `a/b`) would leave .plans/.
  if (TASK_ID_PATTERN.test(options.pr) && existsSync(join(plans, options.pr))) return options.pr;
  return slugify(options.pr, '--pr');
}

/** The absolute PR folder `<repo>/.plans/<folder>` under the one PR-name rule of {@link prFolderName}. */
export function resolvePrDir(options: PrDirOptions): string {
  return resolve(options.cwd ?? process.cwd(), options.repo ?? '.', '.plans', prFolderName(options));
}
