import { packageVersion, type CliIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import { agentRunnerCommands } from './commands/index.js';

/**
 * The `agent-runner` CLI: run, research, check.
 *
 * @example
 * process.exitCode = await main(['run', '--pr', 'pr-42']);
 */
export function main(argv: string[], io?: CliIo): Promise<number> {
  return runCli(
    {
      scriptName: 'agent-runner',
      version: packageVersion(import.meta.url, '@planwright/agent-runner'),
      description: 'Run code agents on the tasks of a plan, run the research agent, check the agent CLIs.',
      commands: agentRunnerCommands,
      epilogue: 'codex-orchestrate is the same orchestrator with the Python kit\'s command line.',
    },
    argv,
    io,
  );
}
