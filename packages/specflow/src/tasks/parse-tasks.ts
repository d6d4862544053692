import { isFence, splitLines } from '../layout/read-text.js';
import { toSlug } from '@planwright/plan-schema';
import { backtickedPaths, backtickedSpans, parseTaskLine, splitRefs, type TaskLineParts } from './task-line.js';

/** One checkbox line of tasks.md, with what the lines indented under it add. */
export interface TaskItem extends Omit<TaskLineParts, 'dependsOn'> {
  /** 1-based line of the checkbox. */
  line: number;
  /** The line as written. */
  raw: string;
  /** The text after the checkbox, trimmed (the Python kit's title). */
  body: string;
  checked: boolean;
  /** The heading the task is under, without its numbering (`## 1. Database` -> `Database`). */
  group?: string;
  /** 1-based line of that heading: tasks with the same one are in one group (a spec-kit phase). */
  groupLine?: number;
  /** Dependencies with the line each was written on. */
  dependencies: { ref: string; line: number }[];
  /** Commands from a `Verify:` line under the task. */
  verify: string[];
  /** Other lines under the task, for its description. */
  notes: string[];
}

// The kit's rule: a "-" bullet with a checkbox and some text, at any indentation.
const CHECKBOX = /^(\s*)-\s*\[([ xX])\]\s*(.+?)\s*$/;
// OpenSpec 1.x's (see task-progress.ts): any list marker, a box with at most one marker (only x/X is
// done; [~] is open work), no link after the box.
const OPENSPEC_CHECKBOX = /^(\s*)(?:[-*+]|\d{1,9}[.)])\s*\[\s*([^\]\s]?)\s*\](?![([])\s*(.+?)\s*$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const DETAIL_LABEL = /^(?:[-*+]\s+)?\**\s*(verify|files?|depends on|depends|after)\s*\**\s*:\s*\**\s*(.*)$/i;

/**
 * Reads tasks.md in either style: OpenSpec (`## 1. Group`, `- [ ] 1.1 Step`) or spec-kit
 * (`## Phase 1: Setup`, `- [ ] T001 [P] [US1] Step`). Lines inside code fences are ignored. The kit reads
 * `- [ ]` bullets only; `openspecMarkers` (OpenSpec 1.x repositories) reads every checkbox OpenSpec
 * counts: `*`, `+` and numbered bullets, and marks such as `[~]` (not done).
 *
 * @example
 * parseTasksMd('## 1. API\n- [ ] 1.1 Add `src/api.ts` (after 1.0)\n')[0]
 * // { ref: '1.1', group: 'API', paths: ['src/api.ts'], dependencies: [{ ref: '1.0', line: 2 }], ... }
 */
export function parseTasksMd(text: string, options: { openspecMarkers?: boolean } = {}): TaskItem[] {
  const checkboxRule = options.openspecMarkers ? OPENSPEC_CHECKBOX : CHECKBOX;
  const lines = splitLines(text);
  const groupLevel = shallowestSubheading(lines);
  const tasks: TaskItem[] = [];
  let group: { name: string; line: number } | undefined;
  let current: { task: TaskItem; indent: number } | undefined;
  let inFence = false;
  lines.forEach((raw, index) => {
    if (isFence(raw)) inFence = !inFence;
    if (inFence || isFence(raw)) return;
    const heading = HEADING.exec(raw);
    const checkbox = checkboxRule.exec(raw);
    if (heading) {
      current = undefined;
      if (heading[1]!.length === groupLevel) group = { name: groupName(heading[2]!), line: index + 1 };
    } else if (checkbox) {
      const body = checkbox[3]!;
      const { dependsOn, ...parts } = parseTaskLine(body);
      const task: TaskItem = {
        ...parts,
        line: index + 1,
        raw,
        body,
        checked: checkbox[2]!.toLowerCase() === 'x',
        dependencies: dependsOn.map((ref) => ({ ref, line: index + 1 })),
        verify: [],
        notes: [],
      };
      if (group !== undefined) Object.assign(task, { group: group.name, groupLine: group.line });
      tasks.push(task);
      current = { task, indent: checkbox[1]!.length };
    } else if (current && raw.trim() !== '') {
      if (raw.length - raw.trimStart().length <= current.indent) current = undefined;
      else addDetail(current.task, raw.trim(), index + 1);
    }
  });
  return tasks;
}

/** A heading's text without `1.`, `2.3` or `Phase 1:` in front and without parentheses. */
export function groupName(heading: string): string {
  return heading
    .replace(/^(?:phase\s+\d+[a-z]?\s*[:.)\-–—]?\s*|\d+(?:\.\d+)*[.)]?\s+)/i, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** The domain of a group: its slug (`User Story 1 - Login` -> `user-story-1-login`). */
export function groupDomain(group: string | undefined): string | undefined {
  return group === undefined ? undefined : toSlug(group) || undefined;
}

function addDetail(task: TaskItem, text: string, line: number): void {
  const label = DETAIL_LABEL.exec(text);
  if (!label) {
    task.notes.push(text.replace(/^[-*+]\s+/, ''));
    task.paths.push(...backtickedPaths(text).filter((path) => !task.paths.includes(path)));
    return;
  }
  const kind = label[1]!.toLowerCase();
  const value = label[2]!.trim();
  const spans = backtickedSpans(value);
  if (kind === 'verify') task.verify.push(...(spans.length > 0 ? spans : value ? [value] : []));
  else if (kind.startsWith('file')) {
    const files = spans.length > 0 ? spans : value.split(/\s*,\s*/).filter(Boolean);
    task.paths.push(...files.filter((path) => !task.paths.includes(path)));
  } else task.dependencies.push(...splitRefs(value).map((ref) => ({ ref, line })));
}

// Groups are the headings of the shallowest level below the title: `##` in both styles, `###` when a
// file uses only those.
function shallowestSubheading(lines: string[]): number | undefined {
  let level: number | undefined;
  let inFence = false;
  for (const line of lines) {
    if (isFence(line)) inFence = !inFence;
    const heading = inFence ? null : HEADING.exec(line);
    if (heading && heading[1]!.length >= 2) level = Math.min(level ?? 6, heading[1]!.length);
  }
  return level;
}
