import { packageVersion, type CliIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import { workersCommands } from './commands/index.js';

/**
 * The `planwright-worker` CLI: parses `argv` (without node and script), returns the exit code.
 *
 * @example
 * process.exitCode = await main(['worker', '--queue', 'redis://127.0.0.1:6379']);
 */
export function main(argv: string[], io?: CliIo): Promise<number> {
  return runCli(
    {
      scriptName: 'planwright-worker',
      version: packageVersion(import.meta.url, '@planwright/workers'),
      description: 'Agent workers on many machines: take task jobs from BullMQ queues on Redis, run them with the same adapters and supervision as a local run, push each task branch back.',
      commands: workersCommands,
    },
    argv,
    io,
  );
}
