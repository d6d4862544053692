import { printJson, untilStopped, UsageError, type CliIo } from '@planwright/cli-kit';
import { startBoard } from '../server/server.js';
import { onlyPr } from '../state/only-pr.js';
import { openBrowser } from './open-browser.js';
import type { PlanLocationArgs } from '@planwright/plan-schema/commands';

export interface BoardArgs extends PlanLocationArgs {
  runRoot?: string;
  port: number;
  open: boolean;
  allowControl: boolean;
  json: boolean;
}

/**
 * `planwright board`: serves the board, prints its URL (with the token), opens it only with `--open`,
 * and serves until SIGINT or SIGTERM.
 */
export async function runBoard(args: BoardArgs, io: CliIo, signal?: AbortSignal): Promise<number> {
  if (Number.isNaN(args.port)) throw new UsageError('--port: not a number', { hint: 'use 1-65535, or 0 for a free one' });
  const pr = args.pr ?? (args.plan ? undefined : await onlyPr({ repo: args.repo }));
  const board = await startBoard({ repo: args.repo, pr, plan: args.plan, runRoot: args.runRoot, port: args.port, allowControl: args.allowControl });
  if (args.json) printJson(io, { url: board.url, port: board.port, pr: board.pr, allow_control: args.allowControl });
  else io.out(`board of ${board.pr}: ${board.url}\n(read-${args.allowControl ? 'write: control buttons on' : 'only'}; Ctrl-C ends it)`);
  if (args.open) await openBrowser(board.url).catch((error: Error) => io.err(`board: could not open a browser (${error.message}); open the URL above`));
  await untilStopped(signal);
  await board.close();
  return 0;
}
