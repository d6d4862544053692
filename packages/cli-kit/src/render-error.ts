import { ExitCode, isPlanwrightError } from './errors.js';
import type { CliIo } from './io.js';

/**
 * Prints an error the way every planwright CLI does and returns the exit code: typed errors (usage
 * mistakes included) as one line without a stack; anything unexpected with its stack, because that is a bug.
 */
export function renderError(error: unknown, io: CliIo, scriptName: string): number {
  if (isPlanwrightError(error)) {
    io.err(`${scriptName}: ${oneLine(error.message)}${error.hint ? ` (${error.hint})` : ''}`);
    return error.exitCode;
  }
  io.err(error instanceof Error ? (error.stack ?? error.message) : `${scriptName}: ${String(error)}`);
  return ExitCode.failure;
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
