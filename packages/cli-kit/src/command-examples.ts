import type { Argv, CommandModule } from 'yargs';

/** One help example: the command line (`$0 ensure --repo ../app`) and what it does. */
export type CommandExample = readonly [command: string, description: string];

/**
 * A command module whose examples are data beside its flags, so a CLI that mounts it under another name
 * can render them with its own prefix ({@link remountCommand}) instead of patching yargs.
 */
// An intersection, not an interface that extends: so it stays assignable to `CommandModule<any, any>`.
export type ExampleCommandModule<U> = CommandModule<object, U> & {
  /** The flags and positionals, without the examples. */
  options: (yargs: Argv) => Argv<U>;
  /** The examples, written for the package's own bin (`$0 <command> ...`). */
  examples: readonly CommandExample[];
};

/** An {@link ExampleCommandModule} of any argument shape, for lists of them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExampleCommandModule = Omit<CommandModule<any, any>, 'handler'> & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handler: (args: any) => void | Promise<void>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  options: (yargs: Argv) => Argv<any>;
  examples: readonly CommandExample[];
};

/** What a command with examples as data is made of: a command module with `options` instead of `builder`. */
export type ExampleCommandSpec<U> = Omit<CommandModule<object, U>, 'builder'> & {
  options: (yargs: Argv) => Argv<U>;
  examples: readonly CommandExample[];
};

/**
 * A command module whose builder declares `options`, then adds `examples`.
 *
 * @example
 * export const ensureCommand = commandWithExamples({
 *   command: 'ensure', describe: 'Set up git', handler,
 *   options: (yargs) => repoOptions(yargs),
 *   examples: [['$0 ensure --repo ../app', 'Prepare ../app']],
 * });
 */
export function commandWithExamples<U>(spec: ExampleCommandSpec<U>): ExampleCommandModule<U> {
  return {
    ...spec,
    builder: (yargs) => spec.examples.reduce((argv, [command, description]) => argv.example(command, description), spec.options(yargs)),
  };
}

/**
 * The same command mounted as `to` in another CLI (`ensure` as `git ensure`, `sync-plan` as `sync`): its
 * examples' `$0 <from>` read `$0 <to>`; `overrides` replace other fields (the command name, aliases).
 */
export function remountCommand<U>(
  module: ExampleCommandModule<U>,
  from: string,
  to: string,
  overrides: Partial<Omit<ExampleCommandSpec<U>, 'options' | 'examples'>> = {},
): ExampleCommandModule<U> {
  const examples = module.examples.map(([command, description]) => [command.replace(`$0 ${from}`, `$0 ${to}`), description] as const);
  const { builder: _builder, ...spec } = module;
  return commandWithExamples({ ...spec, ...overrides, examples });
}
