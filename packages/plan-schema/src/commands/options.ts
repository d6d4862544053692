import type { Argv } from 'yargs';

/** Where the plan is, as every plan command takes it (the Python kit's `--repo` and `--pr`). */
export interface PlanLocationArgs {
  repo: string;
  pr?: string;
  plan?: string;
}

/** `--repo` (default `.`), `--pr` (plan at `.plans/<PR>/plan.json`) or `--plan <file>`. */
export function planLocationOptions<T>(yargs: Argv<T>): Argv<T & PlanLocationArgs> {
  return yargs
    .option('repo', { type: 'string', default: '.', describe: 'Repository root' })
    .option('pr', { type: 'string', describe: 'PR name: the plan is <repo>/.plans/<PR>/plan.json' })
    .option('plan', { type: 'string', describe: 'Path of a plan.json (instead of --pr)' })
    .conflicts('pr', 'plan') as Argv<T & PlanLocationArgs>;
}

/** `--json`: one JSON document on stdout instead of the short human output. */
export function jsonOption<T>(yargs: Argv<T>): Argv<T & { json: boolean }> {
  return yargs.option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' });
}
