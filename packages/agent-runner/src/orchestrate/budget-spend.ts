import { countText } from '@planwright/cli-kit';
import { tokensOf, type Usage } from '@planwright/plan-schema';
import type { OrchestratorConfig } from '../config/orchestrator-config.js';
import type { Price } from '../config/prices-config.js';

/** What a task (or a run) spent: tokens, dollars (undefined when neither the agent nor a price says), minutes. */
export interface Spend {
  tokens: number;
  usd?: number;
  minutes: number;
}

/**
 * The price that applies to an agent run: `[prices.<model>]`, else `[prices.<agent>]`, else
 * `[prices.default]` of orchestrator.toml; undefined when the config has none.
 */
export function priceFor(config: OrchestratorConfig, model: string | undefined, agent: string): Price | undefined {
  const prices = config.prices ?? {};
  return (model ? prices[model] : undefined) ?? prices[agent] ?? prices.default;
}

/**
 * Dollars of a usage: what the agent reported (`cost_usd`, claude does), else its tokens at the price,
 * else undefined. `input_tokens` counts the cached ones too, so they are taken off before the input price.
 */
export function costOf(usage: Usage | null | undefined, price: Price | undefined): number | undefined {
  if (!usage) return 0;
  if (typeof usage.cost_usd === 'number') return usage.cost_usd;
  if (!price) return undefined;
  const input = usage.input_tokens ?? 0;
  const cached = Math.min(usage.cached_input_tokens ?? 0, input);
  const cachedPrice = price.cached_input_usd_per_mtok ?? price.input_usd_per_mtok;
  return ((input - cached) * price.input_usd_per_mtok + cached * cachedPrice + (usage.output_tokens ?? 0) * price.output_usd_per_mtok) / 1e6;
}

/** The spend of a usage over a length of time. */
export function spendOf(usage: Usage | null | undefined, durationMs: number, price: Price | undefined): Spend {
  return { tokens: tokensOf(usage), usd: costOf(usage, price), minutes: durationMs / 60_000 };
}

/** `12,345 tokens`, `$0.42`, `3.5 min`: one limit of a spend, for messages. */
export function formatSpend(key: keyof Spend, value: number): string {
  if (key === 'usd') return `$${value.toFixed(value < 1 ? 4 : 2)}`;
  if (key === 'minutes') return `${Math.round(value * 100) / 100} min`;
  return `${countText(value)} tokens`;
}
