import { packageVersion, type CliIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import { runStoreCommands } from './commands/index.js';

/**
 * The `run-store` CLI: parses `argv` (without node and script), runs one command, returns the exit code.
 *
 * @example
 * process.exitCode = await main(['sync-plan', '--pr', 'pr-42']);
 */
export function main(argv: string[], io?: CliIo): Promise<number> {
  return runCli(
    {
      scriptName: 'run-store',
      version: packageVersion(import.meta.url, '@planwright/run-store'),
      description: 'Run folders of planwright: list and show runs, sync plan.json from them, doctor a stuck task, stop a run.',
      commands: runStoreCommands,
      epilogue: 'Runs live in <repo>/.plans/<PR>/runs/ (or <run-root>/<PR>/). Every command takes --help.',
    },
    argv,
    io,
  );
}
