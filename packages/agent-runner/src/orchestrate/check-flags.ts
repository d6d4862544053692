import { UsageError } from '@planwright/cli-kit';
import type { OrchestrateOptions } from './options.js';

type NumericOption = 'maxTasks' | 'concurrency' | 'retries' | 'handshakeReminders' | 'timeoutMinutes' | 'timeoutGraceSeconds' | 'heartbeatIntervalSeconds' | 'resultsGraceSeconds' | 'stallMinutes' | 'verifyTimeoutMinutes';

/** Every numeric option and what it takes: a count (whole number) or a length of time, with its least value. */
const NUMERIC: Record<NumericOption, { whole: boolean; min: number }> = {
  // The kit ran at least one task whatever --max-tasks said, so 0 still means 1.
  maxTasks: { whole: true, min: 0 },
  concurrency: { whole: true, min: 1 },
  retries: { whole: true, min: 0 },
  handshakeReminders: { whole: true, min: 0 },
  timeoutMinutes: { whole: false, min: 0 },
  timeoutGraceSeconds: { whole: false, min: 0 },
  heartbeatIntervalSeconds: { whole: false, min: 0 },
  resultsGraceSeconds: { whole: false, min: 0 },
  stallMinutes: { whole: false, min: 0 },
  verifyTimeoutMinutes: { whole: false, min: 0 },
};

/**
 * Numbers and flag combinations that cannot work, refused before anything is read or written: yargs
 * turns `--results-grace-seconds abc` into NaN and takes `-1` as it is, and either would otherwise
 * reach a timer.
 */
export function checkFlags(options: OrchestrateOptions): void {
  for (const [key, rule] of Object.entries(NUMERIC) as [NumericOption, { whole: boolean; min: number }][]) {
    const value = options[key];
    if (value === undefined) continue;
    const ok = typeof value === 'number' && Number.isFinite(value) && value >= rule.min && (!rule.whole || Number.isInteger(value));
    if (!ok) {
      const expected = `${rule.whole ? 'a whole number' : 'a number'} of ${rule.min} or more`;
      throw new UsageError(`${flagName(key)} ${Number.isNaN(value) ? '(not a number)' : String(value)}: expected ${expected}`);
    }
  }
  if (options.noWait && options.interactiveCode) throw new UsageError('--no-wait cannot be used with --interactive-code', { hint: 'an interactive agent needs this terminal until it ends' });
  if (options.ghostty && options.interactiveCode) throw new UsageError('--ghostty cannot be used with --interactive-code', { hint: 'pick one place for the agent to run' });
  if (options.interactiveCode && (options.concurrency ?? 1) > 1) throw new UsageError('--interactive-code runs one agent in this terminal: use it without --concurrency');
  if (options.worktrees && options.interactiveCode) throw new UsageError('--worktrees cannot be used with --interactive-code');
  if (options.syncPlan === false && options.autoVerify) {
    throw new UsageError('--no-sync-plan cannot be used with --auto-verify', { hint: 'verification records done in plan.json, which is what lets dependents run' });
  }
}

/** `timeoutGraceSeconds` -> `--timeout-grace-seconds`, the flag as the user types it. */
export function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
