import { packageVersion, type CliIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import { planwrightCommands } from './commands.js';

/**
 * The `planwright` CLI: parses `argv` (without node and script), runs one command, returns the exit code.
 *
 * @example
 * process.exitCode = await main(['status', '--pr', 'pr-42']);
 */
export function main(argv: string[], io?: CliIo): Promise<number> {
  return runCli(
    {
      scriptName: 'planwright',
      version: packageVersion(import.meta.url, 'planwright'),
      description:
        'Run long pull requests with AI coding agents from files: the plan and its progress live in\n' +
        '.plans/<PR>/, agents take one task each, and every task has a verification contract.',
      commands: planwrightCommands,
      epilogue: 'Example: planwright status --pr pr-42\nEvery command takes --help; commands that print data take --json.',
    },
    argv,
    io,
  );
}
