/** Done and total checkboxes of a tasks file. */
export interface TaskProgress {
  done: number;
  total: number;
}

// OpenSpec 1.x's task line (utils/task-progress.js): any list marker (-, *, +, 1., 1)), at any indent, a
// box holding at most one marker, not followed by "(" or "[" (a link). Only x or X is done; [~], [] and
// the like are open work. Lines in code fences count too, as OpenSpec counts them.
const TASK_LINE = /^\s*(?:[-*+]|\d{1,9}[.)])\s*\[(?:\s*([^\]\s]?)\s*\](?![([])|\s+\])\s*(.*)/;

/**
 * Counts a tasks.md the way OpenSpec counts it for `openspec list`, `status` and `archive`: nested and
 * indented checkboxes included, every list marker, unknown box markers as not done.
 *
 * @example
 * taskProgress('- [x] 1.1 Done\n  - [ ] 1.1.1 Sub-step\n* [~] 1.2 Started\n'); // { done: 1, total: 3 }
 */
export function taskProgress(text: string | undefined): TaskProgress {
  let done = 0;
  let total = 0;
  for (const line of (text ?? '').split('\n')) {
    const match = TASK_LINE.exec(line);
    if (!match) continue;
    total += 1;
    if ((match[1] ?? '').toLowerCase() === 'x') done += 1;
  }
  return { done, total };
}

/**
 * A change's progress as its layout counts it: OpenSpec 1.x repositories as OpenSpec does (`taskProgress`
 * of the text); the kit's layout as the kit did, the checkbox tasks `plan` reads (none in code fences).
 */
export function changeProgress(
  layout: { kind?: string },
  change: { tasksText?: string; tasks: { checked: boolean }[] },
): TaskProgress {
  if (layout.kind === 'openspec-1') return taskProgress(change.tasksText);
  return { done: change.tasks.filter((task) => task.checked).length, total: change.tasks.length };
}
