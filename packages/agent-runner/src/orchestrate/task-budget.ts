import { tokensOf, type Budget, type Task, type Usage } from '@planwright/plan-schema';
import type { Price } from '../config/prices-config.js';
import { costOf, formatSpend, priceFor } from './budget-spend.js';
import type { Decision } from './decide-outcome.js';
import type { ResolvedRun } from './prepare-run.js';

export interface TaskBudgetWatchOptions {
  /** The task's budget (plan.json `budget`, else `[task_budget]` of orchestrator.toml). */
  budget: Budget;
  /** When the task started in this invocation: its minutes count from there, over all its attempts. */
  startedAt: number;
  /** What the task's earlier attempts in this invocation spent. */
  usageBefore: Usage | null;
  /** This attempt's usage so far (it grows as the agent's events arrive). */
  usageNow: () => Usage | undefined;
  price: Price | undefined;
}

/** A task's budget as its attempts share it: `spent` grows by each attempt's usage (reminder turns too). */
export interface TaskBudgetInput {
  budget: Budget;
  startedAt: number;
  price: Price | undefined;
  spent: { usage: Usage | null };
}

/** Watches one agent run against its task's budget; `signal` aborts once the spend passes a limit. */
export interface TaskBudgetWatch {
  signal: AbortSignal;
  /** Looks at the spend again: call it after each event of the agent. */
  check: () => void;
  /** Which limit was passed (`budget (12,000 tokens of 10,000 tokens)`), once it was. */
  exceeded: () => string | undefined;
  stop: () => void;
}

/**
 * Ends a task that passes its own budget like a timeout: tokens and dollars are looked at after each
 * event of the agent (they arrive with its turn and result events), minutes by a timer.
 */
export function watchTaskBudget(options: TaskBudgetWatchOptions): TaskBudgetWatch {
  const controller = new AbortController();
  let reason: string | undefined;
  const pass = (key: 'tokens' | 'usd' | 'minutes', spent: number, limit: number) => {
    if (reason) return;
    reason = `budget (${formatSpend(key, spent)} of ${formatSpend(key, limit)})`;
    controller.abort(new Error(reason));
  };
  const { budget } = options;
  const check = () => {
    const now = options.usageNow();
    if (budget.tokens !== undefined) {
      const tokens = tokensOf(options.usageBefore) + tokensOf(now);
      if (tokens > budget.tokens) pass('tokens', tokens, budget.tokens);
    }
    if (budget.usd !== undefined) {
      const usd = (costOf(options.usageBefore, options.price) ?? 0) + (costOf(now, options.price) ?? 0);
      if (usd > budget.usd) pass('usd', usd, budget.usd);
    }
    const minutes = (Date.now() - options.startedAt) / 60_000;
    if (budget.minutes !== undefined && minutes >= budget.minutes) pass('minutes', minutes, budget.minutes);
  };
  const remainingMs = budget.minutes === undefined ? undefined : options.startedAt + budget.minutes * 60_000 - Date.now();
  // setTimeout takes at most 2^31-1 ms (24.8 days); a longer budget is checked by the events alone until then.
  const timer = remainingMs === undefined ? undefined : setTimeout(check, Math.min(Math.max(0, remainingMs) + 5, 2 ** 31 - 1));
  check();
  return { signal: controller.signal, check, exceeded: () => reason, stop: () => clearTimeout(timer) };
}

/** The decision for an agent ended by its task's budget: blocked with the limit passed, fallback results `partial`. */
export function budgetDecision(reason: string): Decision {
  return { status: 'blocked', resultStatus: 'partial', blockedReason: reason, fallback: { status: 'partial', note: `Agent passed its task ${reason}; its process group was ended.` } };
}

/**
 * The budget a task runs under: its plan entry's `budget`, else `[task_budget]` of orchestrator.toml;
 * undefined when neither sets one. The price is the one of the model the agent runs (see priceFor).
 */
export function taskBudgetFor(run: Pick<ResolvedRun, 'config' | 'model'>, task: Task, agent: string, model: string | undefined, startedAt: number): TaskBudgetInput | undefined {
  const budget = task.budget ?? run.config.task_budget;
  if (!budget || Object.keys(budget).length === 0) return undefined;
  return { budget, startedAt, price: priceFor(run.config, model ?? (agent === 'codex' ? run.model : undefined), agent), spent: { usage: null } };
}
