import { packageVersion, type CliIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import { specflowCommands } from './commands/index.js';

const EXAMPLES = [
  ['init', 'openspec/ with project.md'],
  ['proposal add-2fa', 'scaffold openspec/changes/add-2fa/'],
  ['validate add-2fa --strict', 'tasks and spec deltas, warnings fail too'],
  ['validate --all --json', 'every change and main spec at once'],
  ['plan add-2fa --pr pr-42', 'write .plans/pr-42/plan.json'],
  ['validate-plan --pr pr-42', 'check .plans/pr-42/plan.json'],
  ['archive add-2fa', 'merge the deltas into openspec/specs/'],
  ['list', 'active changes with task progress'],
  ['show add-2fa', 'tasks and deltas of a change'],
  ['conflicts', 'requirements two changes touch'],
  ['sync-tasks add-2fa --pr pr-42', 'tick tasks.md from plan.json'],
];

/**
 * The `specflow` CLI: parses `argv` (without node and script), runs one command, returns the exit code.
 *
 * @example
 * process.exitCode = await main(['--repo', '../app', 'plan', 'add-2fa', '--pr', 'pr-42']);
 */
export function main(argv: string[], io?: CliIo): Promise<number> {
  const width = Math.max(...EXAMPLES.map(([command]) => command!.length)) + 'specflow '.length;
  const examples = EXAMPLES.map(([command, what]) => `  ${`specflow ${command}`.padEnd(width)}  ${what}`);
  return runCli(
    {
      scriptName: 'specflow',
      version: packageVersion(import.meta.url, '@planwright/specflow'),
      description:
        'Spec-first scaffolding: OpenSpec-style changes (proposal, tasks, spec deltas) that validate,\n' +
        'turn into a plan.json, and merge into openspec/specs/ when archived.',
      commands: specflowCommands,
      epilogue:
        `Examples:\n${examples.join('\n')}\n\n` +
        '--repo DIR (default .) goes before or after the command. Every command takes --help and --json.',
    },
    argv,
    io,
  );
}
