import type { Task, TaskOverride, VerifyOverrides } from '@planwright/plan-schema';
import { groupDomain, type TaskItem } from '../tasks/parse-tasks.js';
import { taskId } from '../tasks/check-tasks.js';
import { placeholderVerify } from './detect-verify.js';

export interface BuildTasksInput {
  /** The conventions file each task points at (default `openspec/project.md`); null: none (OpenSpec 1.x without one). */
  conventions?: string | null;
  change: string;
  pr: string;
  items: TaskItem[];
  /** Indexes of each item's dependencies (from checkTasks). */
  dependsOn: number[][];
  /** The repository's verify (see detectVerify), for tasks without a `Verify:` line; empty: the placeholder. */
  verify: string[];
  /** Only `by_task_id` and `by_title` are read here: `default_verify` is part of detectVerify. */
  overrides: VerifyOverrides;
}

export interface BuiltTasks {
  tasks: Task[];
  /** Ids of the tasks not done yet that are left with the failing placeholder verify. */
  placeholders: string[];
  /** Override entries that matched no task or named fields that are not applied. */
  warnings: string[];
}

// The fields an override may set, as in the kit; other keys of an override entry are reported, not applied.
const OVERRIDABLE = ['verify', 'expected_files', 'done_criteria', 'title', 'description'] as const;
// The kit's criteria for every generated task.
const DONE_CRITERIA = [
  'Implementation matches the requirement implied by the task line.',
  'Relevant tests/builds (if any) pass.',
];

/**
 * plan.json tasks from tasks.md lines: ids `task_001`..., the group (a spec-kit phase too) as domain,
 * dependencies, backticked paths as expected_files, `[x]` as done. Verify: the task's own `Verify:` line,
 * else the repository's verify, else the failing placeholder; then `by_task_id` and `by_title` on top.
 */
export function buildPlanTasks(input: BuildTasksInput): BuiltTasks {
  const fallback = input.verify;
  const tasks = input.items.map((item, index): Task => {
    const id = taskId(index);
    const task: Task = {
      id,
      title: item.title,
      description: describe(item, input),
      expected_files: [...item.paths],
      verify: item.verify.length > 0 ? [...item.verify] : fallback.length > 0 ? [...fallback] : placeholderVerify(id),
      done_criteria: [...DONE_CRITERIA],
      depends_on: input.dependsOn[index]!.map(taskId),
      status: item.checked ? 'done' : 'pending',
    };
    const domain = groupDomain(item.group);
    if (domain) task.domain = domain;
    if (item.checked) task.verified_note = 'checked in tasks.md';
    return task;
  });
  const warnings: string[] = [];
  applyOverrides(input.overrides.by_task_id, 'by_task_id', (key) => tasks.filter((task) => task.id === key), warnings);
  const byTitle = (key: string) =>
    tasks.filter((task, index) => task.title === key || input.items[index]!.body === key);
  applyOverrides(input.overrides.by_title, 'by_title', byTitle, warnings);
  // A task already done needs no verify; the others cannot pass until someone writes theirs.
  const placeholders = tasks
    .filter((task) => task.status !== 'done' && task.verify?.join('\n') === placeholderVerify(task.id).join('\n'))
    .map((task) => task.id);
  return { tasks, placeholders, warnings };
}

function applyOverrides(
  entries: Record<string, TaskOverride> | undefined,
  where: string,
  match: (key: string) => Task[],
  warnings: string[],
): void {
  for (const [key, override] of Object.entries(entries ?? {})) {
    const matched = match(key);
    if (matched.length === 0) warnings.push(`${where} ${JSON.stringify(key)} matches no task`);
    const ignored = Object.keys(override).filter((field) => !(OVERRIDABLE as readonly string[]).includes(field));
    if (ignored.length > 0) {
      const only = OVERRIDABLE.join(', ');
      warnings.push(`${where} ${JSON.stringify(key)}: ${ignored.join(', ')} not applied (only ${only})`);
    }
    for (const task of matched) {
      for (const field of OVERRIDABLE) {
        const value = override[field];
        if (value !== undefined) (task as Record<string, unknown>)[field] = Array.isArray(value) ? [...value] : value;
      }
    }
  }
}

function describe(item: TaskItem, input: BuildTasksInput): string {
  const notes = item.notes.map((note) => `\n  ${note}`).join('');
  return (
    `Implement this OpenSpec task for change \`${input.change}\`:\n\n${item.raw.trim()}${notes}\n\n` +
    `${follow(input)}\nDo not implement other tasks.`
  );
}

// The kit's line when there is a project.md; OpenSpec 1.x repositories keep their context in CONTEXT.md.
function follow(input: BuildTasksInput): string {
  const context = `\`.plans/${input.pr}/CONTEXT.md\``;
  if (input.conventions === null) return `Follow ${context}.`;
  return `Follow \`${input.conventions ?? 'openspec/project.md'}\` + ${context}.`;
}
