import type { Argv } from 'yargs';

/** Where the plan is, as every plan command takes it (the Python kit's `--repo` and `--pr`). */
export interface PlanLocationArgs {
  repo: string;
  pr?: string;
  plan?: string;
}

/** Help text a command may word for itself (what `--repo` means to it). */
export interface PlanLocationHelp {
  /** The `--repo` help (default "Repository root"). */
  repo?: string;
  /** The `--pr` help (default "PR name: the plan is <repo>/.plans/<PR>/plan.json"). */
  pr?: string;
}

/**
 * `--repo` (default `.`), `--pr` (plan at `.plans/<PR>/plan.json`, by the one PR-name rule) or
 * `--plan <file>`: declared here once for every command of every package that names a plan.
 */
export function planLocationOptions<T>(yargs: Argv<T>, help: PlanLocationHelp = {}): Argv<T & PlanLocationArgs> {
  return yargs
    .option('repo', { type: 'string', default: '.', describe: help.repo ?? 'Repository root' })
    .option('pr', { type: 'string', describe: help.pr ?? 'PR name: the plan is <repo>/.plans/<PR>/plan.json' })
    .option('plan', { type: 'string', describe: 'Path of a plan.json (instead of --pr)' })
    .conflicts('pr', 'plan') as Argv<T & PlanLocationArgs>;
}

/** `--json`: one JSON document on stdout instead of the short human output. */
export function jsonOption<T>(yargs: Argv<T>): Argv<T & { json: boolean }> {
  return yargs.option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' });
}
