import { describe, expect, it } from 'vitest';
import { costOf, priceFor, spendOf } from './budget-spend.js';
import { checkRunBudget } from './run-budget.js';

const price = { input_usd_per_mtok: 2, cached_input_usd_per_mtok: 0.5, output_usd_per_mtok: 8 };

describe('costOf', () => {
  it('takes the cost the agent reported over any price', () => {
    expect(costOf({ input_tokens: 1_000_000, cost_usd: 0.25 }, price)).toBe(0.25);
  });

  it('prices tokens from the config, cached input at its own price', () => {
    // 800k uncached * $2 + 200k cached * $0.50 + 100k output * $8, per million.
    expect(costOf({ input_tokens: 1_000_000, cached_input_tokens: 200_000, output_tokens: 100_000 }, price)).toBeCloseTo(1.6 + 0.1 + 0.8);
  });

  it('is unknown without a reported cost or a price (never a guess)', () => {
    expect(costOf({ input_tokens: 10 }, undefined)).toBeUndefined();
  });
});

describe('priceFor', () => {
  it('looks up the model, then the agent, then default', () => {
    const config = { prices: { 'gpt-5': price, gemini: { ...price, input_usd_per_mtok: 1 }, default: { ...price, input_usd_per_mtok: 3 } } };
    expect(priceFor(config, 'gpt-5', 'codex')?.input_usd_per_mtok).toBe(2);
    expect(priceFor(config, undefined, 'gemini')?.input_usd_per_mtok).toBe(1);
    expect(priceFor(config, 'other', 'claude')?.input_usd_per_mtok).toBe(3);
    expect(priceFor({}, 'gpt-5', 'codex')).toBeUndefined();
  });
});

describe('checkRunBudget', () => {
  const task = spendOf({ input_tokens: 900, output_tokens: 100, cost_usd: 0.1 }, 120_000, undefined);

  it('always lets the first task start, then holds when spend plus the mean of finished tasks would pass', () => {
    expect(checkRunBudget({ limits: { tokens: 500 }, finished: [], running: 0, elapsedMinutes: 0 }).hold).toBe(false);
    expect(checkRunBudget({ limits: { tokens: 2500 }, finished: [task], running: 0, elapsedMinutes: 2 }).hold).toBe(false);
    expect(checkRunBudget({ limits: { tokens: 2500 }, finished: [task, task], running: 0, elapsedMinutes: 4 })).toMatchObject({ hold: true, usedShare: 0.8 });
  });

  it('counts each running task at the estimate', () => {
    expect(checkRunBudget({ limits: { usd: 0.25 }, finished: [task], running: 1, elapsedMinutes: 2 })).toMatchObject({ hold: true, reason: 'budget: $0.1000 + $0.2000 estimated > $0.2500' });
  });

  it('holds on minutes of wall clock plus the mean task length', () => {
    expect(checkRunBudget({ limits: { minutes: 10 }, finished: [task], running: 0, elapsedMinutes: 7 }).hold).toBe(false);
    expect(checkRunBudget({ limits: { minutes: 10 }, finished: [task], running: 0, elapsedMinutes: 8.5 }).hold).toBe(true);
  });
});
