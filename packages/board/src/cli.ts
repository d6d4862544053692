import { packageVersion, type CliIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import { boardCommands } from './commands/index.js';

/**
 * The `planwright-board` CLI: parses `argv` (without node and script), serves the board, returns the exit code.
 *
 * @example
 * process.exitCode = await main(['--pr', 'pr-42']);
 */
export function main(argv: string[], io?: CliIo): Promise<number> {
  return runCli(
    {
      scriptName: 'planwright-board',
      version: packageVersion(import.meta.url, '@planwright/board'),
      description: 'A live web view of a PR on 127.0.0.1: the dependency graph, the run timeline, each task\'s agent, log, verify output and cost, updated from the files as they change.',
      commands: boardCommands,
      singleCommand: true,
      epilogue: 'The printed URL carries a random token; requests without it are refused. Read-only unless --allow-control.',
    },
    argv,
    io,
  );
}
