import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { orchestrateOptions } from '../commands/orchestrate-options.js';
import { toOrchestrateOptions } from '../commands/to-options.js';
import { loadOrchestratorConfig, OrchestratorConfigSchema } from '../config/orchestrator-config.js';
import { checkFlags } from './check-flags.js';
import { camelCase, optionKey, ORCHESTRATOR_OPTIONS, type OptionRow } from './option-table.js';
import { kitArgs, settleOptions } from './settle-options.js';

const dirs = { planDir: '/plans/pr-1', codeDir: '/code' };
const rows: readonly OptionRow[] = ORCHESTRATOR_OPTIONS;

/** A value of the row's type that is not its default, and how it is typed on a command line and in TOML. */
function sample(row: OptionRow): { value: unknown; argv: string[]; toml: string } {
  if (row.type === 'boolean') {
    const value = !(row.cliDefault ?? row.fallback ?? false);
    // The kit's spellings of a boolean in orchestrator.toml: a word in a string.
    return { value, argv: [value ? `--${row.flag}` : `--no-${row.flag}`], toml: value ? '"yes"' : '"off"' };
  }
  // A repeatable flag gathers its values, given twice here.
  if (row.repeatable) return { value: ['desktop', 'ntfy:https://ntfy.example/runs'], argv: [`--${row.flag}`, 'desktop', `--${row.flag}`, 'ntfy:https://ntfy.example/runs'], toml: '["desktop", "ntfy:https://ntfy.example/runs"]' };
  if (row.type === 'number') return { value: 7, argv: [`--${row.flag}`, '7'], toml: '"7"' };
  // An agent name must be one orchestrator.toml can resolve.
  const value = row.choices ? row.choices.find((choice) => choice !== row.fallback)! : row.flag === 'agent' ? 'claude' : `value-of-${row.flag}`;
  return { value, argv: [`--${row.flag}`, value], toml: JSON.stringify(value) };
}

function parse(argv: string[]) {
  return orchestrateOptions(yargs(), { requireDirs: false }).strict().parseSync(argv);
}

describe('the option table: every row reaches each consumer', () => {
  const parser = orchestrateOptions(yargs(), { requireDirs: false }) as unknown as { getOptions(): { key: Record<string, unknown>; boolean: string[]; number: string[]; string: string[]; choices: Record<string, unknown>; default: Record<string, unknown> } };
  const declared = parser.getOptions();

  it.each(rows.map((row) => [row.flag, row] as const))('--%s: a yargs option of its type, parsed into the option object', (_flag, row) => {
    expect(Object.keys(declared.key)).toContain(row.flag);
    if (row.choices) expect(declared.choices[row.flag]).toEqual(row.choices);
    else expect(declared[row.type]).toContain(row.flag);
    expect(declared.default[row.flag]).toBe(row.cliDefault);
    const { value, argv } = sample(row);
    const args = parse(argv);
    const key = optionKey(row);
    if (key === undefined) return expect(Reflect.get(args, camelCase(row.flag))).toBe(value);
    // As codex-orchestrate's handler does: the dirs are the flags'.
    const options = toOrchestrateOptions(args, { planDir: args.planDir ?? dirs.planDir, codeDir: args.codeDir ?? dirs.codeDir });
    expect(Reflect.get(options, key)).toEqual(row.negated ? !value : value);
  });

  it('the config reader knows exactly the rows with a TOML key, and converts their values as the kit did', async () => {
    const tomlRows = rows.filter((row) => row.toml);
    expect(Object.keys(OrchestratorConfigSchema.shape).sort()).toEqual([...tomlRows.map((row) => row.toml), 'agents', 'prices', 'task_budget'].sort());
    const file = join(await tempDir('planwright-table-'), 'orchestrator.toml');
    await writeFile(file, tomlRows.map((row) => `${row.toml} = ${sample(row).toml}\n`).join(''));
    const { config } = await loadOrchestratorConfig({ CODEX_ORCH_CONFIG: file });
    for (const row of tomlRows) {
      expect({ [row.toml!]: config[row.toml!] }).toEqual({ [row.toml!]: sample(row).value });
      // Settled: the config over the fallback, the flag over the config.
      const key = optionKey(row)!;
      expect(Reflect.get(settleOptions(dirs, config), key)).toEqual(sample(row).value);
      expect(Reflect.get(settleOptions({ ...dirs, [key]: 'from the flag' }, config), key)).toBe('from the flag');
    }
  });

  it.each(rows.filter((row) => optionKey(row) && !row.required).map((row) => [row.flag, row] as const))('--%s: settled to its fallback when nothing says otherwise', (_flag, row) => {
    expect(Reflect.get(settleOptions(dirs, {}), optionKey(row)!)).toBe(row.fallback);
  });

  it.each(rows.filter((row) => row.kit).map((row) => [row.flag, row] as const))("--%s: recorded in meta.json's args under the kit's name", (_flag, row) => {
    const options = toOrchestrateOptions(parse(sample(row).argv), dirs);
    const args = kitArgs(options, { ...settleOptions(options, {}), ...dirs });
    const expected = row.required ? Reflect.get(dirs, optionKey(row)!) : row.negated ? !sample(row).value : sample(row).value;
    expect(args[row.kit!]).toBe(expected);
  });

  it("meta.json's args hold the rows with a kit name (in table order, as argparse's) and the goal, nothing else", () => {
    const args = kitArgs({ ...dirs, goal: 'Ship it' }, { ...settleOptions(dirs, {}), ...dirs });
    expect(Object.keys(args)).toEqual([...rows.flatMap((row) => (row.kit ? [row.kit] : [])), 'goal']);
    expect(args.goal).toEqual(['Ship it']);
  });

  it.each(rows.filter((row) => row.type === 'number').map((row) => [row.flag, row] as const))('--%s: checked before a run, below its least value and, for a count, a fraction', (_flag, row) => {
    const key = optionKey(row)!;
    expect(() => checkFlags({ ...dirs, [key]: row.min! - 1 })).toThrow(UsageError);
    expect(() => checkFlags({ ...dirs, [key]: row.min! - 1 })).toThrow(`--${row.flag} ${row.min! - 1}: expected`);
    if (row.whole) expect(() => checkFlags({ ...dirs, [key]: row.min! + 0.5 })).toThrow(/whole number/);
    expect(() => checkFlags({ ...dirs, [key]: row.min })).not.toThrow();
  });
});
