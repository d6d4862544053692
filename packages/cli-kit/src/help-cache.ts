import type { Argv } from 'yargs';

/** The part of yargs' internals this touches (yargs 18): its usage instance, kept for the parser's life. */
interface UsageInstance {
  cacheHelpMessage(): void;
  hasCachedHelpMessage(): boolean;
}

/**
 * Stops yargs from rendering a command's whole help each time the command runs. yargs renders it right
 * after calling the handler, to have it at hand should a later failure print it; runCli's fail() throws
 * instead of printing help, so the text is never read, and rendering it (string widths of every flag and
 * description) cost every command 20-70 ms of CPU at start. `--help` itself is rendered when asked, as before.
 */
export function skipHelpCache<T>(parser: Argv<T>): Argv<T> {
  const usage = usageOf(parser);
  if (usage) usage.cacheHelpMessage = () => {};
  return parser;
}

/** Whether yargs holds a rendered help text now (for tests). */
export function hasCachedHelp(parser: Argv<unknown>): boolean {
  return usageOf(parser)?.hasCachedHelpMessage() ?? false;
}

function usageOf(parser: Argv<unknown>): UsageInstance | undefined {
  const internals = (parser as unknown as { getInternalMethods?: () => { getUsageInstance?: () => UsageInstance } }).getInternalMethods?.();
  return internals?.getUsageInstance?.();
}
