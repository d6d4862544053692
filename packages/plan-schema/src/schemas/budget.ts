import * as z from 'zod/mini';

const limit = (text: string) => z.optional(z.number().check(z.positive(), z.describe(text)));

/**
 * A task's own budget in plan.json: the orchestrator ends the task's agent once its spend passes any of
 * these (like a timeout) and blocks the task with the reason `budget`. Every limit is optional.
 */
export const BudgetSchema = z
  .strictObject({
    tokens: limit('Input plus output tokens the task may spend.'),
    usd: limit('US dollars the task may spend (as the agent reports, else from the config price table).'),
    minutes: limit('Minutes of agent time the task may take.'),
  })
  .check(z.describe('Limits on what one task may spend; it is ended and blocked (budget) past any of them.'));
export type Budget = z.infer<typeof BudgetSchema>;
