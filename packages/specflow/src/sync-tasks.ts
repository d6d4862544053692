import { UsageError } from '@planwright/cli-kit';
import { loadPlan, prFolderName, writeFileAtomic, type Task } from '@planwright/plan-schema';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { detectLayout } from './layout/openspec-layout.js';
import { repoPath, requireChange, type RepoOptions } from './layout/paths.js';
import { taskId } from './tasks/check-tasks.js';
import { parseTasksMd, type TaskItem } from './tasks/parse-tasks.js';

export interface SyncTasksOptions extends RepoOptions {
  change: string;
  /** The PR whose plan to read (default: the change); the slug rule applies. */
  pr?: string;
  /** Only report the drift, write nothing (for CI). */
  check?: boolean;
}

/**
 * One disagreement between plan.json and tasks.md:
 * - `done-unchecked`: done in the plan, unchecked in tasks.md (the one sync fixes, by checking the box);
 * - `checked-not-done`: checked in tasks.md, not done in the plan (reported, never unchecked);
 * - `title-differs`, `no-line`: a plan task whose tasks.md line cannot be found;
 * - `not-in-plan`: a tasks.md line that no plan task stands for.
 */
export interface TaskDrift {
  kind: 'done-unchecked' | 'checked-not-done' | 'title-differs' | 'no-line' | 'not-in-plan';
  /** The plan task, when there is one. */
  id?: string;
  /** The tasks.md line, when there is one. */
  line?: number;
  /** The plan status, when there is one. */
  status?: string;
  message: string;
  /** True when this run fixed it (checked the box). */
  fixed: boolean;
}

export interface SyncTasksResult {
  change: string;
  pr: string;
  tasksFile: string;
  planFile: string;
  check: boolean;
  /** Plan ids whose box this run checked. */
  checked: string[];
  drift: TaskDrift[];
  /** True when plan.json and tasks.md agree after this run (with `check`: as they are). */
  inSync: boolean;
  written: boolean;
}

// Any box parse-tasks reads (every list marker, any one-character mark): only the mark becomes x.
const BOX = /^(\s*(?:[-*+]|\d{1,9}[.)])\s*\[)\s*[^\]\s]?\s*(\])/;

/**
 * Brings plan.json's progress into tasks.md: a task `done` in the plan gets its box checked. A box
 * checked for a task the plan does not have done is reported, not unchecked: the checkmark may be a
 * person's record of work the plan has not verified yet, and the plan is where that is settled.
 * `task_NNN` is the NNN-th checkbox line, as `plan` numbered them, when its title (or the line in its
 * description) still matches. Only box marks change; the file is written atomically, only when one did.
 * With `check`, nothing is written and every disagreement is drift.
 *
 * @example
 * const { drift, inSync } = await syncTasks({ repo: '.', change: 'add-2fa', pr: 'pr-42', check: true });
 */
export async function syncTasks(options: SyncTasksOptions): Promise<SyncTasksResult> {
  const layout = await detectLayout(options);
  const paths = await requireChange(layout, options.change);
  const pr = prFolderName({ pr: options.pr ?? paths.name, repo: layout.root });
  const planPath = join(layout.root, '.plans', pr, 'plan.json');
  const planFile = repoPath(layout, planPath);
  const plan = await loadPlan(planPath, { label: planFile });
  const source = plan.openspec?.change;
  if (source !== undefined && source !== paths.name) {
    throw new UsageError(`${planFile}: made from change "${source}", not "${paths.name}"`, {
      hint: 'name the matching --pr or change',
    });
  }
  const tasksFile = repoPath(layout, paths.tasks);
  const text = await readFile(paths.tasks, 'utf8').catch(() => {
    throw new UsageError(`${tasksFile}: missing`, { hint: `run "specflow proposal ${paths.name}"` });
  });
  const check = options.check ?? false;
  // The same checkboxes `plan` numbered: OpenSpec's markers in 1.x repositories, the kit's `- [ ]` otherwise.
  const items = parseTasksMd(text, { openspecMarkers: layout.kind === 'openspec-1' });
  const lines = text.split('\n');
  const drift: TaskDrift[] = [];
  const checked: string[] = [];
  const at = (item: TaskItem) => `${tasksFile}:${item.line}`;
  const matched = new Set<number>();
  for (const task of plan.tasks) {
    const index = items.findIndex((_item, position) => taskId(position) === task.id);
    const item = items[index];
    const status = task.status ?? 'pending';
    if (!item) {
      drift.push({ kind: 'no-line', id: task.id, status, message: `${task.id}: no line of that number in ${tasksFile}`, fixed: false });
      continue;
    }
    matched.add(index);
    if (!sameTask(task, item)) {
      const message = `${task.id}: title differs from ${at(item)}, so its box is left alone`;
      drift.push({ kind: 'title-differs', id: task.id, line: item.line, status, message, fixed: false });
      continue;
    }
    const done = status === 'done';
    if (done && !item.checked) {
      const fixed = !check;
      if (fixed) {
        lines[item.line - 1] = lines[item.line - 1]!.replace(BOX, (_box, open: string, close: string) => `${open}x${close}`);
        checked.push(task.id);
      }
      const message = `${task.id} is done in ${planFile} but unchecked at ${at(item)}`;
      drift.push({ kind: 'done-unchecked', id: task.id, line: item.line, status, message, fixed });
    } else if (!done && item.checked) {
      const message = `${task.id} is checked at ${at(item)} but ${status} in ${planFile}`;
      drift.push({ kind: 'checked-not-done', id: task.id, line: item.line, status, message, fixed: false });
    }
  }
  items.forEach((item, index) => {
    if (matched.has(index)) return;
    const message = `${at(item)} has no task in ${planFile} (${taskId(index)}): plan again with --force to add it`;
    drift.push({ kind: 'not-in-plan', line: item.line, message, fixed: false });
  });
  const result = { change: paths.name, pr, tasksFile, planFile, check, checked, drift, written: false };
  if (checked.length > 0) {
    await writeFileAtomic(paths.tasks, lines.join('\n'));
    result.written = true;
  }
  return { ...result, inSync: drift.every((found) => found.fixed) };
}

// The plan may have retitled a task (overrides); the tasks.md line then still appears in its description.
function sameTask(task: Task, item: TaskItem): boolean {
  return task.title === item.title || task.title === item.body || (task.description ?? '').includes(item.raw.trim());
}
