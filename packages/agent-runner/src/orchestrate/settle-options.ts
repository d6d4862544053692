import type { OrchestratorConfig } from '../config/orchestrator-config.js';
import { ORCHESTRATOR_OPTIONS, optionKey } from './option-table.js';
import type { SettledTable } from './option-types.js';
import type { OrchestrateOptions } from './options.js';

/**
 * Each option of the table settled as the kit did: the flag, else its orchestrator.toml key, else its
 * fallback. Rows without a fallback stay undefined when neither says (a model, a task id...).
 *
 * @example
 * settleOptions({ planDir, codeDir, timeoutMinutes: 5 }, { timeout_minutes: 30, reuse_run: true });
 * // { timeoutMinutes: 5, reuseRun: true, timeoutGraceSeconds: 4, ... }
 */
export function settleOptions(options: OrchestrateOptions, config: OrchestratorConfig): SettledTable {
  const settled: Record<string, unknown> = {};
  for (const row of ORCHESTRATOR_OPTIONS) {
    const key = optionKey(row);
    if (!key) continue;
    const fromConfig = 'toml' in row ? config[row.toml] : undefined;
    settled[key] = (Reflect.get(options, key) as unknown) ?? fromConfig ?? ('fallback' in row ? row.fallback : undefined);
  }
  return settled as SettledTable;
}

/**
 * The options as the Python kit stored its parsed flags in meta.json (`args`), for doctor's rerun
 * command: every row with a kit name, in table order (argparse's), the settled value or, for rows
 * marked so, the flag as given; null (false for a boolean) when there is none. Then the goal.
 */
export function kitArgs(options: OrchestrateOptions, settled: Record<string, unknown>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const row of ORCHESTRATOR_OPTIONS) {
    const key = optionKey(row);
    if (!('kit' in row) || !key) continue;
    const value = 'kitAsGiven' in row ? (Reflect.get(options, key) as unknown) : settled[key];
    args[row.kit] = value ?? (row.type === 'boolean' ? false : null);
  }
  args.goal = options.goal ? [options.goal] : [];
  return args;
}
