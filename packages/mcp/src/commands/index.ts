import { camelCaseFlags, handler, type AnyCommandModule } from '@planwright/cli-kit';
import type { Argv, CommandModule } from 'yargs';
import type { McpArgs } from './run-mcp.js';

// Command module only: flags and help. The server is imported inside the handler, so `--help` loads none of it.

function mcpOptions(yargs: Argv) {
  return camelCaseFlags(yargs
    .option('repo', { type: 'string', default: '.', describe: 'Repository the server acts in (nothing outside it)' })
    .option('run-root', { type: 'string', describe: 'Runs in <run-root>/<PR>/ (default <plan dir>/runs)' })
    .option('http', { type: 'number', describe: 'Serve streamable HTTP on 127.0.0.1:<port> (0: a free one) instead of stdio; a bearer token is printed' }));
}

function mcpModule(command: string, example: string): CommandModule<object, McpArgs> {
  return {
    command,
    describe: 'A Model Context Protocol server: one tool per workflow step, the plan files as resources (stdio, or --http)',
    builder: (yargs) =>
      mcpOptions(yargs)
        .example(example, 'Serve this repository on stdin/stdout (what an agent CLI starts)')
        .example(`${example} --http 8765`, 'Serve it on http://127.0.0.1:8765/mcp with a bearer token')
        .epilogue('Tools that run agents or shell commands (start_run, verify_task, research, review) say so in their description.'),
    handler: handler(async (args, io) => (await import('./run-mcp.js')).runMcp(args, io)),
  };
}

/** `planwright mcp`: mounted by the umbrella CLI. */
export const mcpCommand: CommandModule<object, McpArgs> = mcpModule('mcp', '$0 mcp');

/** The `planwright-mcp` bin: the same command as the whole CLI. */
export const mcpBinCommand: CommandModule<object, McpArgs> = mcpModule('$0', '$0');

/** Every command of the `planwright-mcp` bin. */
export const mcpCommands: AnyCommandModule[] = [mcpBinCommand];

export type { McpArgs };
