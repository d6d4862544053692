import type { Argv } from 'yargs';

/** Where a PR's runs are, as the kit's tools take it: `--repo`, `--pr`, `--run-root`. */
export interface RunsArgs {
  repo: string;
  pr?: string;
  runRoot?: string;
  json: boolean;
}

/** `--repo` (default `.`), `--pr`, `--run-root` and `--json`. */
export function runsOptions<T>(yargs: Argv<T>, prDescription = 'PR name'): Argv<T & RunsArgs> {
  return yargs
    .option('repo', { type: 'string', default: '.', describe: 'Repository root' })
    .option('pr', { type: 'string', describe: prDescription })
    .option('run-root', {
      type: 'string',
      describe: 'Root of run folders: runs are in <run-root>/<PR>/ (default <repo>/.plans/<PR>/runs)',
    })
    .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' }) as Argv<T & RunsArgs>;
}
