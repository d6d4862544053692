import { countText } from '@planwright/cli-kit';
import type { BudgetLimits, BudgetSpent, BudgetStatus } from '@planwright/run-store';

/** `run budget: 3,000 of 3,700 tokens, $0.12 of $1.00 (held: ...)` and one line per task with a budget; '' when none. */
export function renderBudgetStatus(status: BudgetStatus): string {
  const lines: string[] = [];
  if (status.run) lines.push(`run budget: ${against(status.run.limits, status.run.spent)}${status.run.held_by ? ` · launches held (${status.run.held_by})` : ''}`);
  for (const task of status.tasks) lines.push(`budget ${task.id}: ${against(task.budget, task.spent)}`);
  return lines.join('\n');
}

function against(limits: BudgetLimits, spent: BudgetSpent): string {
  const parts: string[] = [];
  if (limits.tokens) parts.push(`${countText(spent.tokens)} of ${countText(limits.tokens)} tokens`);
  if (limits.usd) parts.push(`${typeof spent.usd === 'number' ? `$${spent.usd.toFixed(2)}` : '$? (no cost reported)'} of $${limits.usd.toFixed(2)}`);
  if (limits.minutes) parts.push(`${Math.round(spent.minutes * 10) / 10} of ${limits.minutes} min`);
  return parts.join(', ');
}
