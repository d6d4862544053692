import { ExitCode } from '@planwright/cli-kit';
import { formatJsonPath } from '@planwright/plan-schema';
import { RunStoreError } from '../errors.js';

interface Checkable<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** Checks run-file data against its schema; the first problem becomes `file: json.path: what is wrong`. */
export function checkRunFile<T>(schema: Checkable<T>, data: unknown, file: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const path = issue ? formatJsonPath(issue.path) : '';
  return fail(`${file}: ${path ? `${path}: ` : ''}${issue?.message ?? 'invalid'}`, file);
}

function fail(message: string, file: string): never {
  throw new RunStoreError(message, { path: file, exitCode: ExitCode.usage, hint: 'fix the file, or delete it if the run is over' });
}
