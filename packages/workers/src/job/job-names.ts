import { PlanwrightError } from '@planwright/cli-kit';
import { TASK_ID_PATTERN } from '@planwright/plan-schema';
import type { RemoteTaskRequest, TaskPlacement } from '@planwright/agent-runner';

/** A job whose fields cannot name folders and refs safely (sent by something other than a coordinator). */
export class BadJobError extends PlanwrightError {
  override name = 'BadJobError';

  constructor(field: string, value: unknown, what: string) {
    super(`job field ${field}: ${JSON.stringify(value)} is not ${what}`, { exitCode: 2, hint: 'the coordinator (planwright run --executor) sends valid jobs; check what enqueued this one' });
  }
}

/** The folder and ref names of one job, derived once and checked. */
export interface JobNames {
  /** `<pr>.<task id>.<run id>`: the job's folders in the cache (a crashed attempt's leftovers are found again). */
  key: string;
  /** `refs/planwright/attempts/<pr>/<task id>/<attempt>-<worker>`: what this attempt alone pushes. */
  attemptRef: string;
}

/**
 * Checks the request's names (they become paths and refs on this machine) and derives the job's own.
 * A pr, task id or run id outside the file-name-safe token rule, or a base that is not a full sha, is a BadJobError.
 */
export function jobNames(request: RemoteTaskRequest, placement: TaskPlacement): JobNames {
  const token = (field: string, value: unknown) => {
    if (typeof value !== 'string' || !TASK_ID_PATTERN.test(value)) throw new BadJobError(field, value, 'a file-name-safe token');
    return value;
  };
  const pr = token('pr', request.pr);
  const taskId = token('task.id', request.task?.id);
  const runId = token('runId', request.runId);
  if (typeof request.baseSha !== 'string' || !/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(request.baseSha)) {
    throw new BadJobError('baseSha', request.baseSha, 'a full commit sha');
  }
  for (const field of ['prBranch', 'taskBranch'] as const) {
    const branch = request[field];
    // What git's check-ref-format refuses, checked here since these land in refspecs: a `:` would name another ref.
    if (typeof branch !== 'string' || branch === '' || /[\s:~^?*[\\]|\.\.|@\{|^[-/.]|[/.]$|\.lock$|\/\//.test(branch)) {
      throw new BadJobError(field, branch, 'a branch name');
    }
  }
  if (typeof request.remote !== 'string' || request.remote === '' || request.remote.startsWith('-')) throw new BadJobError('remote', request.remote, 'a repository URL');
  if (!Number.isInteger(placement.attempt) || placement.attempt < 1) throw new BadJobError('attempt', placement.attempt, 'a positive whole number');
  return { key: `${pr}.${taskId}.${runId}`, attemptRef: `refs/planwright/attempts/${pr}/${taskId}/${placement.attempt}-${refSafe(placement.worker)}` };
}

/**
 * A worker name as one ref component: characters git refuses (space, `~^:?*[\`, control), `..`, `@{` and
 * a leading `.` or `-` or trailing `.lock` become `-`, so any `--name` can appear in a ref.
 *
 * @example
 * refSafe('build box #2'); // 'build-box--2'
 */
export function refSafe(name: string): string {
  const safe = name
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .replace(/\.\.+/g, '-')
    .replace(/^[.-]+/, '')
    .replace(/\.lock$/i, '-lock')
    .replace(/\.$/, '-');
  return safe === '' ? 'worker' : safe;
}
