import { packageVersion, type CliIo } from '@planwright/cli-kit';
import { runCli } from '@planwright/cli-kit/run-cli';
import { mcpCommands } from './commands/index.js';

/**
 * The `planwright-mcp` CLI: parses `argv` (without node and script), serves until the client leaves,
 * returns the exit code.
 *
 * @example
 * process.exitCode = await main(['--repo', '.']);
 */
export function main(argv: string[], io?: CliIo): Promise<number> {
  return runCli(
    {
      scriptName: 'planwright-mcp',
      version: packageVersion(import.meta.url, '@planwright/mcp'),
      description: 'The planwright MCP server of a repository: status, add_tasks, start_run, wait_run, mark_verified and the other workflow steps as tools; plan.json, MASTER.md and run logs as resources.',
      commands: mcpCommands,
      singleCommand: true,
      epilogue: 'Stdio by default. With --http, requests need the printed bearer token and must come from 127.0.0.1.',
    },
    argv,
    io,
  );
}
