import { readFile } from 'node:fs/promises';
import { stringifyJson, writeFileAtomic, type Usage } from '@planwright/plan-schema';
import type { RunLayout } from '@planwright/run-store';

/** What a task cost in this invocation, summed over its attempts. */
export interface TaskAccount {
  thread_id: string | null;
  usage: Usage | null;
  duration_ms: number;
  attempts: number;
  /** Reminder turns: the agent's session resumed because it ended without valid results. */
  reminders: number;
}

/** Sums the usage of several agent runs (tokens and cost). */
export function addUsage(total: Usage | null, more: Usage | undefined): Usage | null {
  if (!more) return total;
  const sum: Usage = { ...total };
  for (const key of ['input_tokens', 'cached_input_tokens', 'output_tokens', 'reasoning_output_tokens', 'cost_usd'] as const) {
    if (typeof more[key] === 'number') sum[key] = (sum[key] ?? 0) + more[key]!;
  }
  return sum;
}

/**
 * Adds the accounting to the task's results file under `accounting` (and `extra`, such as
 * `uncommitted_files`), without touching what the agent wrote; a results file that cannot be read is
 * left alone (the accounting is in plan.json and meta too).
 */
export async function annotateResults(layout: RunLayout, taskId: string, account: TaskAccount, extra: Record<string, unknown> = {}): Promise<void> {
  const file = layout.resultsPath(taskId);
  try {
    const results = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFileAtomic(file, stringifyJson({ ...results, accounting: account, ...extra }), { durable: false });
  } catch {
    // No results to annotate.
  }
}
