import { describe, expect, it } from 'vitest';
import { PlanError } from '../errors.js';
import { parsePlanText } from '../plan/load-plan.js';

const planWith = (budget: unknown) => JSON.stringify({ tasks: [{ id: 'a', title: 'A', budget }] });

function problemOf(budget: unknown): string {
  try {
    parsePlanText(planWith(budget), 'plan.json');
  } catch (error) {
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).exitCode).toBe(2);
    return (error as PlanError).message;
  }
  throw new Error('the plan was accepted');
}

describe('a task budget', () => {
  it('is read with any of its limits', () => {
    const plan = parsePlanText(planWith({ tokens: 50000, usd: 0.5, minutes: 20 }), 'plan.json');
    expect(plan.tasks[0]!.budget).toEqual({ tokens: 50000, usd: 0.5, minutes: 20 });
  });

  it('refuses a limit that is not a positive number, naming the task and the key', () => {
    expect(problemOf({ usd: -1 })).toMatch(/plan\.json: tasks\[0\]\.budget\.usd/);
    expect(problemOf({ tokens: '10k' })).toMatch(/tasks\[0\]\.budget\.tokens/);
  });

  it('refuses an unknown limit (a typo would otherwise be no limit at all)', () => {
    expect(problemOf({ dollars: 2 })).toMatch(/tasks\[0\]\.budget/);
  });
});
