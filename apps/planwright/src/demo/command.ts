import { camelCaseFlags, handler } from '@planwright/cli-kit';
import type { CommandModule } from 'yargs';
import type { DemoArgs } from './run-demo-cli.js';

/** `planwright demo`: the whole workflow on a sample project, offline by default. */
export const demoCommand: CommandModule<object, DemoArgs> = {
  command: 'demo',
  describe:
    'Run the whole workflow (init, proposal, plan, research, review, run, status) on a sample project in a temp folder, with the real Codex and Gemini CLIs against built-in scripted models: no credentials needed',
  builder: (yargs) =>
    camelCaseFlags(yargs
      .option('keep', { type: 'boolean', default: false, describe: 'Keep the temp folder (default: removed at the end, also on failure or Ctrl-C)' })
      .option('planner', { type: 'boolean', default: false, describe: 'Show the planner flow instead: the real Codex as the planner drives planwright through "planwright mcp" (init --mcp codex, then status, add_tasks, start_run, wait_run, mark_verified)' })
      .option('live', { type: 'boolean', default: false, describe: 'Use the real model providers with your own Codex and Gemini logins instead (costs tokens)' })
      .option('agent-timeout-minutes', { type: 'number', describe: 'End an agent or the reviewer after this long (default 2; 20 with --live)' })
      .option('json', { type: 'boolean', default: false, describe: "Print one JSON document with each step's outcome" })
      .example('$0 demo', 'The whole workflow, offline, in well under a minute')
      .example('$0 demo --keep', 'Keep the folder to look at the plan, the runs and the commits')
      .example('$0 demo --planner', 'A planner agent turns the change into verified tasks through the MCP tools')
      .example('$0 demo --live', 'The same with your own logins and real models')),
  handler: handler(async (args, io) => (await import('./run-demo-cli.js')).runDemoCli(args, io)),
};
