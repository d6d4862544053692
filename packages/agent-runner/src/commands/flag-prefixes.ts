import { UsageError } from '@planwright/cli-kit';
import yargs, { type CommandModule } from 'yargs';

/**
 * The long flags a command module declares, with the `--no-` form of each boolean, read off its own
 * yargs builder so that no second list of the flags exists.
 */
export function declaredFlags(command: CommandModule<object, never>): string[] {
  const builder = command.builder as (parser: ReturnType<typeof yargs>) => ReturnType<typeof yargs>;
  // yargs has getOptions(); its type definitions leave it out.
  const options = (builder(yargs()) as unknown as { getOptions(): { key: Record<string, unknown>; boolean: string[] } }).getOptions();
  return [...Object.keys(options.key), ...options.boolean.map((name) => `no-${name}`)];
}

/**
 * Long flags shortened as argparse allows, written out in full: `--max 1` is `--max-tasks 1` when no
 * other flag starts with `max`. A prefix that fits several flags is a usage error naming them, as
 * argparse's "ambiguous option" was, unless exactly one of them is in `preferred` (the kit's own flags:
 * a shortened flag that worked with the kit keeps its meaning when planwright adds a flag that also
 * fits). A flag that fits none is left for the parser to refuse. Nothing after `--` is touched (that is
 * the goal).
 *
 * @example
 * expandFlagPrefixes(['--max=1', '--', '--not-a-flag'], ['max-tasks']); // ['--max-tasks=1', '--', '--not-a-flag']
 * expandFlagPrefixes(['--max', '1'], ['max-tasks', 'max-pause-minutes'], ['max-tasks']); // ['--max-tasks', '1']
 */
export function expandFlagPrefixes(argv: readonly string[], flags: readonly string[], preferred: readonly string[] = []): string[] {
  const known = new Set(flags);
  const end = argv.indexOf('--');
  return argv.map((arg, index) => {
    if ((end !== -1 && index >= end) || !arg.startsWith('--') || arg === '--') return arg;
    const [name = '', ...value] = arg.slice(2).split('=');
    if (known.has(name)) return arg;
    const candidates = flags.filter((flag) => flag.startsWith(name));
    if (candidates.length === 0) return arg;
    const kitOnes = candidates.filter((flag) => preferred.includes(flag));
    if (candidates.length > 1 && kitOnes.length === 1) return [`--${kitOnes[0]}`, ...value].join('=');
    if (candidates.length > 1) {
      throw new UsageError(`ambiguous option: --${name} could match ${candidates.map((flag) => `--${flag}`).join(', ')}`, { hint: 'type more of the flag' });
    }
    return [`--${candidates[0]}`, ...value].join('=');
  });
}
