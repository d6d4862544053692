import { formatSpend, type Spend } from './budget-spend.js';

/** The run's limits (0 or undefined: none), from --budget-tokens/--budget-usd/--budget-minutes or orchestrator.toml. */
export interface RunLimits {
  tokens?: number;
  usd?: number;
  minutes?: number;
}

export interface RunBudgetFacts {
  limits: RunLimits;
  /** What the tasks finished in this run spent, one entry per task. */
  finished: Spend[];
  /** Tasks running now: each will spend about the estimate too. */
  running: number;
  /** Minutes since the run started (the minutes limit is the run's wall-clock time). */
  elapsedMinutes: number;
}

export interface RunBudgetCheck {
  /** Launch nothing more: the spend plus the estimate of one more task would pass a limit. */
  hold: boolean;
  /** Which limit, said for the summary and the log: `budget: 9,000 tokens + 1,500 tokens estimated > 10,000 tokens`. */
  reason?: string;
  /** The largest share of a limit spent so far (0..), for the 80% notice. */
  usedShare: number;
  spent: Spend;
}

/**
 * Whether the run may launch another task: for each limit, what the finished tasks spent plus the
 * estimate (the mean of the finished tasks, for every running task and the next one) must stay within
 * it. With no finished task yet the estimate is 0, so the first tasks always start. A dollar limit with
 * a task whose cost is unknown counts that task as 0 (the orchestrator warns of it).
 */
export function checkRunBudget(facts: RunBudgetFacts): RunBudgetCheck {
  const { limits, finished } = facts;
  const sum = (key: 'tokens' | 'usd' | 'minutes') => finished.reduce((total, spend) => total + (spend[key] ?? 0), 0);
  const spent: Spend = { tokens: sum('tokens'), usd: sum('usd'), minutes: facts.elapsedMinutes };
  const mean = (key: 'tokens' | 'usd' | 'minutes') => (finished.length === 0 ? 0 : sum(key) / finished.length);
  let usedShare = 0;
  for (const key of ['tokens', 'usd', 'minutes'] as const) {
    const limit = limits[key];
    if (!limit || limit <= 0) continue;
    const used = spent[key] ?? 0;
    usedShare = Math.max(usedShare, used / limit);
    // Running tasks are in the wall clock already; in tokens and dollars they will add their share.
    const estimate = key === 'minutes' ? mean(key) : mean(key) * (facts.running + 1);
    if (used >= limit || used + estimate > limit) {
      const reason = `budget: ${formatSpend(key, used)} + ${formatSpend(key, estimate)} estimated > ${formatSpend(key, limit)}`;
      return { hold: true, reason, usedShare, spent };
    }
  }
  return { hold: false, usedShare, spent };
}
