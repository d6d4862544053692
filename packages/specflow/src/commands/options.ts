import type { Argv } from 'yargs';

/** `--repo` (the kit's global option, accepted before or after the command) and `--json`. */
export interface CommonArgs {
  repo: string;
  json: boolean;
}

export function commonOptions<T>(yargs: Argv<T>): Argv<T & CommonArgs> {
  return yargs
    .option('repo', { type: 'string', default: '.', describe: 'Repository root (the folder with openspec/)' })
    .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' }) as Argv<T & CommonArgs>;
}

/** The `<change>` positional every change command takes. */
export function changePositional<T>(yargs: Argv<T>): Argv<T & { change: string }> {
  return yargs.positional('change', {
    type: 'string',
    demandOption: true,
    describe: 'Change name (slug rule: lower-case, runs of other characters become "-")',
  }) as Argv<T & { change: string }>;
}
