import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { taskProgress } from './task-progress.js';

// OpenSpec 1.x's task-file warnings (core/validation/task-checkboxes.js and task-numbering.js), so that
// `validate --strict` fails where `openspec validate --strict` does.

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\S/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)/;
const TASK_LINE = /^\s*(?:[-*+]|\d{1,9}[.)])\s*\[(?:\s*([^\]\s]?)\s*\](?![([])|\s+\])\s*(.*)/;
const LEVEL_TWO = /^ {0,3}##(?!#)(?:[ \t]+|[ \t]*\r?$)/;
const NUMBERED_GROUP = /^ {0,3}##[ \t]+(\d+)\.(?:[ \t]|\r?$)/;
const TASK_ID = /^(\d+(?:\.\d+)+(?:[A-Za-z]+)?)(?=\s|$)/;

/**
 * A tasks.md with list items but not one checkbox: OpenSpec counts it as 0 tasks and warns at the first
 * list item (outside fences, comments and front matter, indented less than four columns).
 */
export function checkUnboxedTasks(text: string, file: string): Diagnostic[] {
  if (taskProgress(text).total > 0) return [];
  const line = firstListItem(text.split('\n'));
  if (line === undefined) return [];
  const message = 'no line is a checkbox, so OpenSpec counts this change as 0 tasks and plan finds none';
  return [diagnostic('TASKS_NO_CHECKBOX', { file, line, message })];
}

/** Inside `## N.` groups: a task numbered for another group (OpenSpec warns about both). */
export function checkTaskGroups(text: string, file: string): Diagnostic[] {
  const lines = text.split('\n');
  if (!lines.some((line) => NUMBERED_GROUP.test(line))) return [];
  const found: Diagnostic[] = [];
  let group: string | undefined;
  lines.forEach((line, index) => {
    if (LEVEL_TWO.test(line)) group = NUMBERED_GROUP.exec(line)?.[1];
    if (group === undefined) return;
    const id = TASK_LINE.exec(line)?.[2]?.trim().match(TASK_ID)?.[1];
    if (id === undefined) return;
    const taskGroup = id.split('.')[0]!;
    if (taskGroup.replace(/^0+(?=\d)/, '') === group.replace(/^0+(?=\d)/, '')) return;
    const message = `task "${id}" is under group ${group}, but its number points to group ${taskGroup}`;
    found.push(diagnostic('TASK_GROUP_MISMATCH', { file, line: index + 1, message }));
  });
  return found;
}

function firstListItem(lines: string[]): number | undefined {
  let fence: { marker: string; length: number } | undefined;
  let inComment = false;
  let start = 0;
  if (/^-{3}\s*$/.test((lines[0] ?? '').replace(/^\uFEFF/, '').trimEnd())) {
    const end = lines.findIndex((line, index) => index > 0 && /^-{3}\s*$/.test(line.trimEnd()));
    if (end > 0) start = end + 1;
  }
  for (let index = start; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const opener = FENCE.exec(line);
    if (opener) {
      const [marker, length] = [opener[1]![0]!, opener[1]!.length];
      if (fence === undefined) fence = { marker, length };
      else if (marker === fence.marker && length >= fence.length && opener[2]!.trim() === '') fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    if (line.trimStart().startsWith('<!--')) {
      if (!line.includes('-->', line.indexOf('<!--') + 4)) inComment = true;
      continue;
    }
    if (LIST_ITEM.test(line) && indentColumns(line) < 4) return index + 1;
  }
  return undefined;
}

function indentColumns(line: string): number {
  let column = 0;
  for (const char of line) {
    if (char === ' ') column += 1;
    else if (char === '\t') column += 4 - (column % 4);
    else break;
  }
  return column;
}
