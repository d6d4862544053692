import type * as core from 'zod/v4/core';
import { formatJsonPath } from '../json/format-path.js';
import type { PlanProblem } from './problem.js';

/** Turns a zod issue into a problem a person can act on: what is wrong, what was found, what fits. */
export function describeIssue(issue: core.$ZodIssue): PlanProblem {
  const path = formatJsonPath(issue.path);
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) return { path, message: 'missing', hint: missingHint(path) };
      if (path === '') {
        return {
          path,
          message: `expected a JSON object, got ${describeValue(input)}`,
          hint: 'the file must hold one object with a "tasks" array',
        };
      }
      return { path, message: `expected ${article(issue.expected)}, got ${describeValue(input)}` };
    }
    case 'invalid_value': {
      const input = (issue as { input?: unknown }).input;
      const allowed = issue.values.map(String).join(', ');
      if (last === 'status') {
        return { path, message: `unknown status ${describeValue(input)}`, hint: `allowed: ${allowed}` };
      }
      return { path, message: `${describeValue(input)} is not allowed`, hint: `allowed: ${allowed}` };
    }
    case 'invalid_format': {
      const input = (issue as { input?: unknown }).input;
      if (last === 'id') {
        return {
          path,
          message: `${describeValue(input)} is not a file-name-safe id`,
          hint: 'use letters, digits, "_", "." and "-", starting with a letter or digit',
        };
      }
      return { path, message: `${describeValue(input)} does not have the expected format` };
    }
    case 'too_small':
      return { path, message: `must be at least ${String(issue.minimum)}` };
    case 'too_big':
      return { path, message: `must be at most ${String(issue.maximum)}` };
    default:
      return { path, message: issue.message };
  }
}

function missingHint(path: string): string | undefined {
  if (path === 'tasks') return 'a plan needs a "tasks" array';
  if (/^tasks\[\d+\]\.id$/.test(path)) return 'every task needs an "id"';
  return undefined;
}

function article(expected: string): string {
  if (expected === 'array') return 'an array';
  if (expected === 'object') return 'an object';
  if (expected === 'int') return 'an integer';
  return `a ${expected}`;
}

/** A short rendering of a found value: strings quoted (and cut), containers by kind. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  return String(value);
}
