import { UsageError } from '@planwright/cli-kit';
import { checkNotifyTargets } from '../notify/check-targets.js';
import { ORCHESTRATOR_OPTIONS, optionKey } from './option-table.js';
import type { OrchestrateOptions } from './options.js';

/** Every numeric option and what it takes (option table): a count (whole number) or a length of time, with its least value. */
const NUMERIC = ORCHESTRATOR_OPTIONS.filter((row) => row.type === 'number').map((row) => ({ key: optionKey(row)!, flag: row.flag, whole: row.whole, min: row.min }));

/**
 * Numbers and flag combinations that cannot work, refused before anything is read or written: yargs
 * turns `--results-grace-seconds abc` into NaN and takes `-1` as it is, and either would otherwise
 * reach a timer.
 */
export function checkFlags(options: OrchestrateOptions): void {
  for (const rule of NUMERIC) {
    const value = Reflect.get(options, rule.key) as unknown;
    if (value === undefined) continue;
    const ok = typeof value === 'number' && Number.isFinite(value) && value >= rule.min && (!rule.whole || Number.isInteger(value));
    if (!ok) {
      const expected = `${rule.whole ? 'a whole number' : 'a number'} of ${rule.min} or more`;
      throw new UsageError(`--${rule.flag} ${Number.isNaN(value) ? '(not a number)' : String(value)}: expected ${expected}`);
    }
  }
  if (options.notify) checkNotifyTargets(options.notify, (index, spec) => `--notify ${spec}`);
  if (options.noWait && options.interactiveCode) throw new UsageError('--no-wait cannot be used with --interactive-code', { hint: 'an interactive agent needs this terminal until it ends' });
  if (options.ghostty && options.interactiveCode) throw new UsageError('--ghostty cannot be used with --interactive-code', { hint: 'pick one place for the agent to run' });
  if (options.interactiveCode && (options.concurrency ?? 1) > 1) throw new UsageError('--interactive-code runs one agent in this terminal: use it without --concurrency');
  if (options.worktrees && options.interactiveCode) throw new UsageError('--worktrees cannot be used with --interactive-code');
  if (options.syncPlan === false && options.autoVerify) {
    throw new UsageError('--no-sync-plan cannot be used with --auto-verify', { hint: 'verification records done in plan.json, which is what lets dependents run' });
  }
}
