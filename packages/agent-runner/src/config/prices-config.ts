import { BudgetSchema } from '@planwright/plan-schema';
import * as z from 'zod/mini';

const perMillion = (text: string) => z.number().check(z.nonnegative(), z.describe(text));

/**
 * One price of `[prices.<name>]` in orchestrator.toml, in US dollars per million tokens. Prices change
 * and differ by plan, so planwright ships none: a cost the agent does not report is computed from these.
 */
export const PriceSchema = z.strictObject({
  input_usd_per_mtok: perMillion('Input tokens (cached ones too, unless cached_input_usd_per_mtok is set).'),
  cached_input_usd_per_mtok: z.optional(perMillion('Cached input tokens.')),
  output_usd_per_mtok: perMillion('Output tokens.'),
});
export type Price = z.infer<typeof PriceSchema>;

/** The budget keys of orchestrator.toml besides the option table's run budgets (budget_tokens...). */
export const BUDGET_CONFIG_SHAPE = {
  /** `[prices.<model or agent name or "default">]`. */
  prices: z.optional(z.record(z.string(), PriceSchema)),
  /** `[task_budget]`: the budget of every task whose plan entry sets none. */
  task_budget: z.optional(BudgetSchema),
};

/** The hint for a wrong key under `[prices]` or `[task_budget]`, or undefined for another key. */
export function budgetConfigHint(key: unknown): string | undefined {
  if (key === 'prices') return 'a [prices.<model>] table takes input_usd_per_mtok, output_usd_per_mtok and optionally cached_input_usd_per_mtok, each a number of 0 or more';
  if (key === 'task_budget') return '[task_budget] takes tokens, usd and minutes, each a number above 0';
  return undefined;
}
