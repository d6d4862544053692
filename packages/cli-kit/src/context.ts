import type { CliIo } from './io.js';

/** What a command handler gets besides its arguments: where to print, and the exit code to return. */
export interface CliContext {
  io: CliIo;
  exitCode: number;
}

/** The key under which runCli hands the context to handlers (yargs merges it into argv). */
export const CONTEXT_KEY = '__planwright_cli';

/** The context of the running CLI, from a handler's argv. */
export function cliContext(argv: object): CliContext {
  const context = (argv as Record<string, unknown>)[CONTEXT_KEY] as CliContext | undefined;
  if (!context) throw new Error(`command handler called outside runCli (argv has no ${CONTEXT_KEY})`);
  return context;
}

/**
 * Wraps a command's work as a yargs handler: the function gets the parsed arguments and the io, and may
 * return an exit code (undefined means 0).
 */
export function handler<A>(
  run: (args: A, io: CliIo) => Promise<number | void>,
): (argv: A) => Promise<void> {
  return async (argv) => {
    const context = cliContext(argv as object);
    const code = await run(argv, context.io);
    if (typeof code === 'number') context.exitCode = code;
  };
}

/**
 * A command module of any argument shape, as packages export them for the bins that mount them (yargs
 * checks each module's own arguments).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommandModule = import('yargs').CommandModule<any, any>;
