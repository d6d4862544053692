import { camelCaseFlags, handler, type AnyCommandModule } from '@planwright/cli-kit';
import type { Argv, CommandModule } from 'yargs';
import { planLocationOptions } from '@planwright/plan-schema/commands';
import type { BoardArgs } from './run-board.js';

// Command module only: flags and help. The server is imported inside the handler, so `--help` loads none of it.

function boardOptions(yargs: Argv): Argv<BoardArgs> {
  return camelCaseFlags(
    planLocationOptions(yargs, { pr: 'PR name: the plan is <repo>/.plans/<PR>/plan.json (default: the only PR)' })
      .option('run-root', { type: 'string', describe: 'Runs in <run-root>/<PR>/ (default <plan dir>/runs)' })
      .option('port', { type: 'number', default: 0, describe: 'Port on 127.0.0.1 (0: a free one)' })
      .option('open', { type: 'boolean', default: false, describe: 'Open the page in the default browser' })
      .option('allow-control', { type: 'boolean', default: false, describe: 'Add stop, verify, mark-verified and run-next buttons' })
      .option('json', { type: 'boolean', default: false, describe: 'Print { url, port, pr } as one JSON document' }),
  );
}

function boardModule(command: string, example: string): CommandModule<object, BoardArgs> {
  return {
    command,
    describe: 'A live web view of a PR: graph, timeline, agents, logs, cost (127.0.0.1, token in the URL)',
    builder: (yargs) =>
      boardOptions(yargs)
        .example(`${example} --pr pr-42`, 'Serve the board of pr-42 and print its URL; Ctrl-C ends it')
        .example(`${example} --pr pr-42 --open --allow-control`, 'Open it in the browser, with the control buttons'),
    handler: handler(async (args, io) => (await import('./run-board.js')).runBoard(args, io)),
  };
}

/** `planwright board`: mounted by the umbrella CLI. */
export const boardCommand: CommandModule<object, BoardArgs> = boardModule('board', '$0 board');

/** The `planwright-board` bin: the same command as the whole CLI. */
export const boardBinCommand: CommandModule<object, BoardArgs> = boardModule('$0', '$0');

/** Every command of the `planwright-board` bin. */
export const boardCommands: AnyCommandModule[] = [boardBinCommand];

export type { BoardArgs };
