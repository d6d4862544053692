import { packageVersion, type CliIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import { codexOrchestrateCommand } from './commands/index.js';

/**
 * `codex-orchestrate`: the Python kit's orchestrator command line, every flag and default kept.
 *
 * @example
 * process.exitCode = await main(['--plan-dir', '.plans/pr-42', '--code-dir', '.', '--compact-run']);
 */
export function main(argv: string[], io?: CliIo): Promise<number> {
  return runCli(
    {
      scriptName: 'codex-orchestrate',
      version: packageVersion(import.meta.url, '@planwright/agent-runner'),
      description:
        'codex-orchestrate --plan-dir DIR --code-dir DIR [options] [-- GOAL]\n\nSpawn Codex code agents to execute the runnable tasks of a plan (.plans/<PR>/plan.json).',
      commands: [codexOrchestrateCommand],
      singleCommand: true,
      epilogue:
        'Defaults of --compact-run, --run-root, --reuse-run, --ensure-git, --baseline-commit, --git-branch,\n' +
        '--gitignore-runs, --stream-agent-output, --timeout-minutes, --timeout-grace-seconds,\n' +
        '--heartbeat-interval-seconds, --results-grace-seconds, --sandbox, --approval, --model and --agent\n' +
        'come from $CODEX_ORCH_CONFIG or $CODEX_HOME/orchestrator.toml (with [agents.<name>] tables).\n' +
        'Exit codes: 0 done, 1 a task ended blocked, 2 bad input or stopped, 124 timeout, 130 interrupted.',
    },
    argv,
    io,
  );
}
