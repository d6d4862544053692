import yargs from 'yargs';
import { CONTEXT_KEY, type AnyCommandModule, type CliContext } from './context.js';
import { UsageError } from './errors.js';
import { skipHelpCache } from './help-cache.js';
import { processIo, type CliIo } from './io.js';
import { renderError } from './render-error.js';

/** Help is wrapped at a fixed width so that it reads the same everywhere (and can be pre-rendered). */
export const HELP_WIDTH = 100;

export interface CliDefinition {
  scriptName: string;
  version: string;
  /** One line under the usage line of the top-level help. */
  description: string;
  commands: AnyCommandModule[];
  /** Text at the end of the top-level help, such as an example. */
  epilogue?: string;
  /**
   * The bin is one command (its module is `$0 ...`), such as codex-orchestrate: no command name is
   * required, and the module's own usage line is shown.
   */
  singleCommand?: boolean;
}

/**
 * Parses `argv` with yargs (strict, one command required), runs the command, and returns the exit code.
 * Never exits the process and never throws: errors are printed by renderError.
 *
 * @example
 * process.exitCode = await runCli({ scriptName: 'git-ops', version, description, commands }, argv);
 */
export async function runCli(
  definition: CliDefinition,
  argv: string[],
  io: CliIo = processIo(),
): Promise<number> {
  const context: CliContext = { io, exitCode: 0 };
  const parser = yargs()
    .scriptName(definition.scriptName)
    .command(definition.commands)
    .strict()
    .help()
    .alias('h', 'help')
    .version(definition.version)
    .wrap(HELP_WIDTH)
    // Validation failures (unknown flag, missing argument) come with a message and no error: they are
    // the user's to fix, exit 2. Errors thrown by handlers are passed on untouched.
    .fail((message, error) => {
      if (error) throw error;
      throw new UsageError(nameFlags(message, argv), { hint: `see ${definition.scriptName} --help` });
    })
    .exitProcess(false);
  if (definition.singleCommand) parser.usage(definition.description);
  else parser.usage(`$0 <command> [options]\n\n${definition.description}`).demandCommand(1, 'Name a command.').recommendCommands();
  if (definition.epilogue) parser.epilogue(definition.epilogue);
  skipHelpCache(parser);
  try {
    let output = '';
    // With a callback yargs hands us help/version text instead of printing it itself.
    await parser.parseAsync(argv, { [CONTEXT_KEY]: context }, (error, _args, text) => {
      if (error) throw error;
      output = text;
    });
    if (output) io.out(output);
    return context.exitCode;
  } catch (error) {
    return renderError(error, io, definition.scriptName);
  }
}

/** yargs says `Unknown argument: bogus` for `--bogus`; show flags as the user typed them. */
function nameFlags(message: string, argv: string[]): string {
  const match = /^Unknown arguments?: (.+)$/.exec(message);
  if (!match) return message;
  const names = match[1]!.split(', ').map((name) => {
    const typed = argv.find((arg) => arg.replace(/^-+/, '').split('=')[0] === name && arg.startsWith('-'));
    return typed ? typed.split('=')[0]! : name;
  });
  return `unknown ${names.some((name) => name.startsWith('-')) ? 'option' : 'argument'}${names.length > 1 ? 's' : ''}: ${names.join(', ')}`;
}
