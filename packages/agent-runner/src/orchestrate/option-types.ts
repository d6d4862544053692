import type { OptionRows } from './option-table.js';

// The types of the option table's consumers, read off its rows, so that a row is all a new option needs.

/** `keep-open` -> `keepOpen`, at the type level. */
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** A row's value: a list for a repeatable flag, one of its choices, else by its type. */
type ValueOf<R> = R extends { repeatable: true } ? string[] : R extends { choices: readonly (infer C)[] } ? C : R extends { type: 'number' } ? number : R extends { type: 'boolean' } ? boolean : string;

type OptionKeyOf<R> = R extends { option: false } ? never : R extends { option: infer K extends string } ? K : R extends { flag: infer F extends string } ? Camel<F> : never;
type ArgKeyOf<R> = R extends { flag: infer F extends string } ? Camel<F> : never;

/** The option object's part that the table declares (every key optional: undefined = not given). */
export type TableOptions = { [R in OptionRows as OptionKeyOf<R>]?: ValueOf<R> };

/** The parsed flags, as yargs names them: flags with a yargs default are always there. */
export type TableArgs = { [R in OptionRows as R extends { cliDefault: boolean } ? ArgKeyOf<R> : never]: ValueOf<R> } & {
  [R in OptionRows as R extends { cliDefault: boolean } ? never : ArgKeyOf<R>]?: ValueOf<R>;
};

/** The settled options: a value for every row with a fallback, and what was given (flag or config) for the others. */
export type SettledTable = { [R in OptionRows as R extends { fallback: unknown } ? OptionKeyOf<R> : never]: ValueOf<R> } & {
  [R in OptionRows as R extends { fallback: unknown } ? never : OptionKeyOf<R>]?: ValueOf<R>;
};

/** orchestrator.toml's keys that the table declares, with their types. */
export type TableConfig = { [R in OptionRows as R extends { toml: infer K extends string } ? K : never]?: ValueOf<R> };
