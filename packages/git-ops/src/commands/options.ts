import type { Argv } from 'yargs';

/** What every git-ops command takes: the repository folder and `--json`. */
export interface RepoArgs {
  repo: string;
  json: boolean;
}

/** `--repo` (default `.`) and `--json`. */
export function repoOptions<T>(yargs: Argv<T>): Argv<T & RepoArgs> {
  return yargs
    .option('repo', { type: 'string', default: '.', describe: 'Repository folder' })
    .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' }) as Argv<T & RepoArgs>;
}
