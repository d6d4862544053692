export { ExitCode, PlanwrightError, UsageError, isPlanwrightError } from './errors.js';
export type { PlanwrightErrorOptions } from './errors.js';
export { processIo, captureIo, printJson } from './io.js';
export type { CliIo, CapturedIo } from './io.js';
export { renderError } from './render-error.js';
export { CONTEXT_KEY, cliContext, handler } from './context.js';
export type { AnyCommandModule, CliContext } from './context.js';
/** The camel-cased names yargs gives kebab-case flags, in the types (no `as unknown as Argv` casts). */
export { camelCaseFlags } from './camel-case-flags.js';
export type { CamelCaseKeys, KebabToCamel } from './camel-case-flags.js';
/** Commands whose examples are data, so a CLI mounting them under another name renders its own prefix. */
export { commandWithExamples, remountCommand } from './command-examples.js';
export type { AnyExampleCommandModule, CommandExample, ExampleCommandModule, ExampleCommandSpec } from './command-examples.js';
export { packageVersion } from './package-version.js';
export { runBin } from './run-bin.js';
export { untilStopped } from './until-stopped.js';
export { processExists } from './process-exists.js';
export { countText } from './count-text.js';
export type { FastPath, RunBinOptions } from './run-bin.js';
