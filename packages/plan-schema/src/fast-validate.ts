import { renderError, type CliIo } from '@planwright/cli-kit';

/**
 * `plan-schema validate <file> [--json]` without loading yargs: planning agents call it after every
 * edit, so its start-up time matters. Any other argv shape returns undefined and goes through yargs,
 * which also owns every error message about flags.
 */
export async function fastValidate(argv: string[], io: CliIo): Promise<number | undefined> {
  const [command, ...rest] = argv;
  if (command !== 'validate') return undefined;
  const json = rest.includes('--json');
  const files = rest.filter((arg) => arg !== '--json');
  if (files.length !== 1 || files[0]!.startsWith('-') || rest.length - files.length > 1) return undefined;
  try {
    const { runValidate } = await import('./commands/run-validate.js');
    return await runValidate({ file: files[0]!, json }, io);
  } catch (error) {
    return renderError(error, io, 'plan-schema');
  }
}
