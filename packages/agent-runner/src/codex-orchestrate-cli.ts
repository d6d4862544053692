import { packageVersion, processIo, renderError, type CliIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import type { CommandModule } from 'yargs';
import { declaredFlags, expandFlagPrefixes } from './commands/flag-prefixes.js';
import { codexOrchestrateCommand } from './commands/index.js';
import { KIT_FLAGS } from './orchestrate/option-table.js';

/**
 * `codex-orchestrate`: the Python kit's orchestrator command line, every flag and default kept.
 *
 * @example
 * process.exitCode = await main(['--plan-dir', '.plans/pr-42', '--code-dir', '.', '--compact-run']);
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let expanded: string[];
  try {
    // argparse, which the kit used, takes any unambiguous prefix of a long flag.
    expanded = expandFlagPrefixes(argv, declaredFlags(codexOrchestrateCommand as CommandModule<object, never>), KIT_FLAGS);
  } catch (error) {
    return renderError(error, io, 'codex-orchestrate');
  }
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
        'Long flags may be shortened to any unambiguous prefix (--max 1 is --max-tasks 1), as in the kit.\n' +
        "Exit codes (the kit's): 0 the tasks ran, whatever the agents reported (a blocked task stays blocked\n" +
        'in plan.json), also after control/stop; 1 planwright could not do its work (git set-up, run folder);\n' +
        '2 bad input, nothing written; 124 a task timed out; 130 interrupted. planwright run exits 1 when a\n' +
        'task ends blocked.',
    },
    expanded,
    io,
  );
}
