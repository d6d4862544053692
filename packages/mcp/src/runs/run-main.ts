import { runCommandWith } from '@planwright/agent-runner/commands';
import { packageVersion, type CliIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';

/**
 * The `planwright run` that start_run spawns: agent-runner's `run` offered @planwright/workers' executors,
 * as the umbrella CLI mounts it, so `--executor redis://…` (or orchestrator.toml's `executor`) runs the
 * tasks on workers. agent-runner's own bin has no executors and would refuse it.
 *
 * @example
 * process.exitCode = await main(['run', '--pr', 'pr-42', '--executor', 'redis://10.0.0.5:6379', '--json']);
 */
export function main(argv: string[], io?: CliIo): Promise<number> {
  return runCli(
    {
      scriptName: 'planwright',
      version: packageVersion(import.meta.url, '@planwright/mcp'),
      description: 'The orchestrator of start_run: planwright run, with the executors of @planwright/workers.',
      // Loaded only when a run names an executor: a local run never reads BullMQ.
      commands: [runCommandWith(async () => (await import('@planwright/workers')).executorFactories)],
    },
    argv,
    io,
  );
}
