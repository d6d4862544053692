import { packageVersion, type CliIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import { planSchemaCommands } from './commands/index.js';

/**
 * The `plan-schema` CLI: parses `argv` (without node and script), runs one command, returns the exit code.
 *
 * @example
 * process.exitCode = await main(['status', '--pr', 'pr-42']);
 */
export function main(argv: string[], io?: CliIo): Promise<number> {
  return runCli(
    {
      scriptName: 'plan-schema',
      version: packageVersion(import.meta.url, '@planwright/plan-schema'),
      description: 'Validate plan.json files, list what can run next, show status, record verdicts.',
      commands: planSchemaCommands,
      epilogue: 'Plans live at <repo>/.plans/<PR>/plan.json. Every command takes --help.',
    },
    argv,
    io,
  );
}
