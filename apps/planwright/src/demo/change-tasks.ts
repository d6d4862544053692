import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildPlanTasks, checkTasks, parseTasksMd } from '@planwright/specflow';
import type { DemoContext } from './context.js';

// The fields a planner gives add_tasks; the bookkeeping (status, runs, verdicts) is planwright's own.
const PLANNED = ['id', 'title', 'description', 'expected_files', 'verify', 'done_criteria', 'depends_on', 'domain'] as const;

/**
 * The tasks the demo's planner adds through `add_tasks`: the change's tasks.md read as `planwright plan`
 * reads it (same ids, verify lines, dependencies, group domains), so the scripted Codex finds its work
 * for each id. A planning agent would write them from the proposal; the demo's is scripted.
 */
export async function changeTasks(context: DemoContext): Promise<Array<Record<string, unknown> & { id: string }>> {
  const file = join(context.repo, 'openspec', 'changes', context.change, 'tasks.md');
  const items = parseTasksMd(await readFile(file, 'utf8'));
  const checked = checkTasks(items, file);
  if (checked.diagnostics.length > 0) throw new Error(`${file}: ${checked.diagnostics[0]!.message}`);
  const built = buildPlanTasks({ change: context.change, pr: context.pr, items, dependsOn: checked.dependsOn, verify: [], overrides: {} });
  return built.tasks.map((task) => {
    const fields = task as unknown as Record<string, unknown>;
    return Object.fromEntries(PLANNED.filter((key) => fields[key] !== undefined).map((key) => [key, fields[key]])) as Record<string, unknown> & { id: string };
  });
}
