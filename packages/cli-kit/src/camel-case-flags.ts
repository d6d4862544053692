import type { Argv } from 'yargs';

/** `dry-run` -> `dryRun`, `max-bundle-kb` -> `maxBundleKb`: the name yargs gives a kebab-case flag too. */
export type KebabToCamel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<KebabToCamel<Tail>>}` : S;

/** The keys of `T` camel-cased, with their types. */
export type CamelCaseKeys<T> = { [K in keyof T as K extends string ? KebabToCamel<K> : K]: T[K] };

/**
 * Says in the types what yargs does at run time: every kebab-case flag (`--dry-run`) also reaches the
 * handler camel-cased (`dryRun`). @types/yargs 17 leaves that out, which is why command builders used to
 * cast their result `as unknown as Argv<Args>`; call this last in a builder instead.
 *
 * @example
 * builder: (yargs) => camelCaseFlags(yargs.option('dry-run', { type: 'boolean', default: false })),
 */
export function camelCaseFlags<T>(yargs: Argv<T>): Argv<T & CamelCaseKeys<T>> {
  // The one place the types are widened: yargs' camel-case-expansion (on by default) adds these keys.
  return yargs as Argv<T & CamelCaseKeys<T>>;
}
