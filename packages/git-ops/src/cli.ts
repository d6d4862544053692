import { packageVersion, type CliIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import { gitOpsCommands } from './commands/index.js';

/**
 * The `git-ops` CLI: parses `argv` (without node and script), runs one command, returns the exit code.
 *
 * @example
 * process.exitCode = await main(['branch', '--pr', 'pr-42']);
 */
export function main(argv: string[], io?: CliIo): Promise<number> {
  return runCli(
    {
      scriptName: 'git-ops',
      version: packageVersion(import.meta.url, '@planwright/git-ops'),
      description: 'The git side of planwright: repository, .gitignore block, baseline, PR branch, task commits.',
      commands: gitOpsCommands,
      epilogue: 'Typical order: ensure, baseline, branch --pr <PR>, then commit-task after each task. Every command takes --help.',
    },
    argv,
    io,
  );
}
