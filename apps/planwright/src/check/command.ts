import { camelCaseFlags, handler, printJson } from '@planwright/cli-kit';
import type { CommandModule } from 'yargs';

interface CheckArgs {
  repo: string;
  pr?: string;
  runRoot?: string;
  agent?: string;
  reviewer?: string;
  json: boolean;
}

/** `planwright check`: what the workflow relies on, one line each. */
export const checkCommand: CommandModule<object, CheckArgs> = {
  command: 'check',
  describe: 'Check Node, git, the config, each agent CLI (version, flags, login), the run root, and which agent CLIs start the planwright MCP server; exit 1 if something needed is missing',
  builder: (yargs) =>
    camelCaseFlags(yargs
      .option('repo', { type: 'string', default: '.', describe: 'Repository root' })
      .option('pr', { type: 'string', describe: 'PR name, for the run root to test' })
      .option('run-root', { type: 'string', describe: 'Run root to test (default: orchestrator.toml, else <repo>/.plans/<PR>/runs)' })
      .option('agent', { type: 'string', describe: 'Code agent the workflow uses (default: orchestrator.toml, else codex)' })
      .option('reviewer', { type: 'string', describe: 'Plan reviewer the workflow uses (gemini, codex, claude); checked only when given' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' })
      .example('$0 check --reviewer gemini', 'Before a first run with a plan review')),
  handler: handler(async (args, io) => {
    const { checkEnvironment } = await import('./check-environment.js');
    const result = await checkEnvironment(args);
    if (args.json) printJson(io, result);
    else for (const item of result.items) io.out(`${item.state === 'ok' ? 'ok  ' : item.state === 'missing' ? 'MISS' : 'note'}  ${item.name}: ${item.detail}`);
    return result.ok ? 0 : 1;
  }),
};
