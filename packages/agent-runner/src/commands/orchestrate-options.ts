import type { Argv, Options } from 'yargs';
import { ORCHESTRATOR_OPTIONS, camelCase, type OptionRow } from '../orchestrate/option-table.js';
import type { TableArgs } from '../orchestrate/option-types.js';

/** The parsed flags of codex-orchestrate (and of `planwright run`): the option table's, and the goal. */
export type OrchestrateArgs = TableArgs & {
  goal?: (string | number)[];
  '--'?: (string | number)[];
};

/** The parsed flags of `planwright run`: codex-orchestrate's, plus where the plan is. */
export interface RunArgs extends OrchestrateArgs {
  pr?: string;
  repo: string;
}

// Flags whose default may come from orchestrator.toml have no yargs default: undefined means "not given".
const CONFIGURABLE = '(default from orchestrator.toml, else';

/** One row of the option table as a yargs option. */
export function yargsOption(row: OptionRow, { requireDirs }: { requireDirs: boolean }): Options {
  const describe = row.configDefault === undefined ? row.help : `${row.help} ${CONFIGURABLE} ${row.configDefault})`;
  return {
    ...(row.choices ? { choices: row.choices } : { type: row.type }),
    ...(row.repeatable ? { array: true } : {}),
    ...(row.required ? { demandOption: requireDirs } : {}),
    ...(row.cliDefault === undefined ? {} : { default: row.cliDefault }),
    describe,
  };
}

/**
 * Every flag of the Python kit's codex-orchestrate, with its defaults, plus planwright's own
 * (`--results-grace-seconds`, `--model`, `--json`...): the option table's rows, in its order.
 */
export function orchestrateOptions<T>(yargs: Argv<T>, dirs: { requireDirs: boolean }): Argv<T & OrchestrateArgs> {
  const options = Object.fromEntries(ORCHESTRATOR_OPTIONS.map((row) => [row.flag, yargsOption(row, dirs)]));
  return (
    yargs
      .options(options)
      // A repeatable flag (--notify) gathers every value; each takes one word, so the goal's words stay the goal.
      .parserConfiguration({ 'populate--': true, 'duplicate-arguments-array': true, 'greedy-arrays': false })
      // Any other flag given twice: the last one wins, as in argparse. Before validation, so choices see one value.
      .middleware(lastOneWins, true) as Argv<T & OrchestrateArgs>
  );
}

const SINGLE_KEYS = ORCHESTRATOR_OPTIONS.filter((row: OptionRow) => !row.repeatable).flatMap((row) => [row.flag, camelCase(row.flag)]);

function lastOneWins(argv: Record<string, unknown>): void {
  for (const key of SINGLE_KEYS) {
    const value = argv[key];
    if (Array.isArray(value)) argv[key] = value.at(-1);
  }
}

/** The flag's parsed value under yargs' camelCase name. */
export function parsedValue(args: OrchestrateArgs, row: OptionRow): unknown {
  return Reflect.get(args, camelCase(row.flag)) as unknown;
}
