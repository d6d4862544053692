import { UsageError } from '@planwright/cli-kit';
import { formatJsonPath, parseJsonText, VerifyOverridesSchema, type VerifyOverrides } from '@planwright/plan-schema';
import { readFile } from 'node:fs/promises';

/**
 * Reads a `--verify-overrides` file: `{default_verify, by_task_id, by_title}`. `label` names it in
 * errors, which are usage errors (exit 2): `overrides.json:3:5: invalid JSON: ...`,
 * `overrides.json: by_task_id.task_001.verify: expected an array, got "npm test"`.
 */
export async function loadVerifyOverrides(file: string, label: string): Promise<VerifyOverrides> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new UsageError(`${label}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`}`, {
      hint: 'check the path given to --verify-overrides',
      cause,
    });
  }
  const data = parseJsonText(text, label);
  const parsed = VerifyOverridesSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = formatJsonPath(issue.path);
  throw new UsageError(`${label}: ${path ? `${path}: ` : ''}${describeIssue(issue)}`, {
    hint:
      'keys: default_verify [commands], by_task_id {id: {verify, expected_files, done_criteria, title, description}}, ' +
      'by_title {...}',
  });
}

function describeIssue(issue: { code: string; expected?: unknown; input?: unknown; message: string }): string {
  if (issue.code !== 'invalid_type') return issue.message;
  const expected = String(issue.expected);
  const article = /^[aeiou]/.test(expected) ? 'an' : 'a';
  return `expected ${article} ${expected}, got ${describeValue(issue.input)}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  return String(value);
}
