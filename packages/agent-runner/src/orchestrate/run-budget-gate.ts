import type { Usage } from '@planwright/plan-schema';
import type { OrchestratorConfig } from '../config/orchestrator-config.js';
import { formatSpend, priceFor, spendOf, type Spend } from './budget-spend.js';
import type { TaskOutcome } from './options.js';
import type { ResolvedRun } from './prepare-run.js';
import { checkRunBudget, type RunLimits } from './run-budget.js';

/** The run's budget as meta.json records it (`budget`), for `planwright status`. */
export interface RunBudgetRecord {
  limits: RunLimits;
  spent: Spend;
  /** Why launches stopped (`budget: 3,000 tokens + 1,500 tokens estimated > 4,000 tokens`), or null while the budget holds. */
  held_by: string | null;
  /** Tasks whose cost is unknown (the agent reported none and [prices] has none for its model). */
  unpriced: string[];
}

export interface RunBudgetGateOptions {
  limits: RunLimits;
  config: OrchestratorConfig;
  startedAt: number;
  /** Once, when the spend first reaches 80% of a limit. */
  onNearLimit?: (record: RunBudgetRecord) => void;
  /** Once, when the budget first holds the launches. */
  onHold?: (reason: string) => void;
  /** Once per task whose cost cannot be known while a dollar limit is set. */
  onUnpriced?: (taskId: string) => void;
}

/** The run budget between the scheduler and the tasks: what they spent, and whether one more may start. */
export interface RunBudgetGate {
  launched: (taskId: string, agent: string, model: string | undefined) => void;
  finished: (outcome: TaskOutcome) => void;
  /** For the scheduler's holdLaunches: true once one more task would pass a limit. */
  hold: () => boolean;
  record: () => RunBudgetRecord;
}

/** The gate of a run with --budget-tokens/--budget-usd/--budget-minutes (or their config keys); undefined without limits. */
export function createRunBudgetGate(options: RunBudgetGateOptions): RunBudgetGate | undefined {
  const { limits } = options;
  if (!limits.tokens && !limits.usd && !limits.minutes) return undefined;
  const agents = new Map<string, { agent: string; model?: string }>();
  const finished: Spend[] = [];
  const unpriced: string[] = [];
  let running = 0;
  let heldBy: string | null = null;
  let warned = false;
  const check = () => checkRunBudget({ limits, finished, running, elapsedMinutes: (Date.now() - options.startedAt) / 60_000 });
  const record = (): RunBudgetRecord => ({ limits, spent: check().spent, held_by: heldBy, unpriced: [...unpriced] });
  return {
    launched: (taskId, agent, model) => {
      agents.set(taskId, { agent, model });
      running++;
    },
    finished: (outcome) => {
      const who = agents.get(outcome.taskId);
      if (who) running--;
      // A task another orchestrator took ran nothing here, so it spent nothing of this run.
      if (outcome.status === 'skipped') return;
      const spend = spendOf(outcome.usage as Usage | undefined, outcome.durationMs, who && priceFor(options.config, who.model, who.agent));
      if (spend.usd === undefined && limits.usd) {
        unpriced.push(outcome.taskId);
        options.onUnpriced?.(outcome.taskId);
      }
      finished.push(spend);
      if (!warned && check().usedShare >= 0.8) {
        warned = true;
        options.onNearLimit?.(record());
      }
    },
    hold: () => {
      const result = check();
      if (result.hold && heldBy === null) {
        heldBy = result.reason ?? 'budget';
        options.onHold?.(heldBy);
      }
      return result.hold;
    },
    record,
  };
}

/**
 * The gate of an orchestrator run, its limits settled (flag, else orchestrator.toml, else none), its
 * moments told as warnings: 80% spent (and `budget_80` to the --notify targets), launches held (and
 * `run.halted`, which the run's summary and meta.json's `stopped_because` give as the reason), a task
 * whose cost is unknown.
 */
export function runBudgetGate(
  run: Pick<ResolvedRun, 'budgetTokens' | 'budgetUsd' | 'budgetMinutes' | 'config' | 'model' | 'notifier' | 'halted'>,
  options: { model?: string },
  emit: (event: { type: 'warning'; message: string }) => void,
): { launched: (taskId: string, agent: string) => void } & Omit<RunBudgetGate, 'launched'> | undefined {
  const gate = createRunBudgetGate({
    limits: { tokens: run.budgetTokens, usd: run.budgetUsd, minutes: run.budgetMinutes },
    config: run.config,
    startedAt: Date.now(),
    onNearLimit: (record) => {
      emit({ type: 'warning', message: `run budget 80% spent: ${describeRecord(record)}` });
      void run.notifier.notify({ event: 'budget_80', reason: describeRecord(record) });
    },
    onHold: (reason) => {
      emit({ type: 'warning', message: `${reason}: no more tasks are launched` });
      run.halted = { reason: 'budget', detail: reason.replace(/^budget: /, '') };
    },
    onUnpriced: (taskId) => emit({ type: 'warning', message: `${taskId}: its cost is unknown (the agent reported none and [prices] of orchestrator.toml has no price for its model), counted as $0 against --budget-usd` }),
  });
  if (!gate) return undefined;
  // orchestrator.toml's top-level `model` is the kit's codex setting (as launchContext reads it).
  return { ...gate, launched: (taskId, agent) => gate.launched(taskId, agent, options.model ?? (agent === 'codex' ? run.model : undefined)) };
}

/** `8,000 tokens of 10,000 tokens, $0.80 of $1.00`: each set limit with its spend. */
export function describeRecord(record: Pick<RunBudgetRecord, 'limits' | 'spent'>): string {
  const keys = (['tokens', 'usd', 'minutes'] as const).filter((key) => (record.limits[key] ?? 0) > 0);
  return keys.map((key) => `${formatSpend(key, record.spent[key] ?? 0)} of ${formatSpend(key, record.limits[key]!)}`).join(', ');
}
