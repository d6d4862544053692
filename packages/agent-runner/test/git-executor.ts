import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, tempDir } from '@planwright/test-utils';
import type { AdoptedTask, ExecuteHooks, RemoteTaskReport, RemoteTaskRequest, TaskExecutor, TaskPlacement } from '../src/orchestrate/executor.js';

/** What the test executor does with one task (by id); the default writes `<id>.txt` and reports done. */
export interface TaskScript {
  files?: Record<string, string>;
  status?: RemoteTaskReport['status'];
  /** Reject execute with this message (the job failed for good). */
  fail?: string;
  /** No worker takes the job: execute waits until its signal aborts, then rejects. */
  wait?: boolean;
  /** A worker takes the job (its placements are told) and is still on it when the signal aborts. */
  takenThenWait?: boolean;
  /** Before the report: these placements, in order (default one, w1 attempt 1). */
  placements?: TaskPlacement[];
  /** After the work is pushed and before the report settles (a late worker pushing again, say). */
  afterPush?: (request: RemoteTaskRequest, sha: string) => Promise<void>;
}

/**
 * A TaskExecutor in this process that does what a worker does with real git: clones the bare remote at
 * the request's base, writes the task's files, commits, pushes the task branch and the attempt's own
 * ref, and reports. It records what it was asked, for the tests to check.
 */
export class GitTestExecutor implements TaskExecutor {
  readonly name = 'test://executor';
  readonly requests: RemoteTaskRequest[] = [];
  readonly calls: string[] = [];
  withdraw: string[] = [];
  adoptions = new Map<string, AdoptedTask>();

  constructor(readonly scripts: Record<string, TaskScript> = {}) {}

  async execute(request: RemoteTaskRequest, hooks: ExecuteHooks): Promise<RemoteTaskReport> {
    this.requests.push(request);
    const script = this.scripts[request.task.id] ?? {};
    if (script.wait) return untilAborted(hooks.signal, `${request.task.id}: no worker took the job`);
    if (script.fail) throw new Error(script.fail);
    const placements = script.placements ?? [{ host: 'test-host', worker: 'w1', attempt: 1 }];
    for (const placement of placements) hooks.placed(placement);
    if (script.takenThenWait) return untilAborted(hooks.signal, `${request.task.id}: interrupted on w1`);
    const placement = placements.at(-1)!;
    const work = await doWork(request, script.files ?? { [`${request.task.id}.txt`]: `${request.task.id}\n` }, placement);
    await script.afterPush?.(request, work.sha);
    return report(request, script.status ?? 'done', placement, work);
  }

  async adopt(job: { pr: string; runId: string; taskId: string }): Promise<AdoptedTask> {
    this.calls.push(`adopt ${job.taskId} ${job.runId}`);
    return this.adoptions.get(job.taskId) ?? { state: 'unknown' };
  }

  async holdLaunches(): Promise<string[]> {
    this.calls.push('holdLaunches');
    return this.withdraw;
  }

  async cancel(): Promise<void> {
    this.calls.push('cancel');
  }

  async close(): Promise<void> {
    this.calls.push('close');
  }
}

/** The worker's part: a clone at the base, the files, one commit, the branch and the attempt's ref pushed. */
export async function doWork(request: RemoteTaskRequest, files: Record<string, string>, placement: TaskPlacement): Promise<{ sha: string; attemptRef: string }> {
  const dir = await tempDir('planwright-worker-');
  await git(dir, ['clone', '--quiet', '--no-checkout', request.remote, 'work']);
  const work = join(dir, 'work');
  await git(work, ['checkout', '--quiet', '--detach', request.baseSha]);
  for (const [path, text] of Object.entries(files)) await writeFile(join(work, path), text);
  await git(work, ['add', '--all']);
  await git(work, ['-c', 'user.name=Worker', '-c', 'user.email=worker@planwright.invalid', 'commit', '--quiet', '-m', `${request.task.id}: ${request.task.title ?? ''}`]);
  const sha = await git(work, ['rev-parse', 'HEAD']);
  const attemptRef = `refs/planwright/attempts/${request.pr}/${request.task.id}/${placement.attempt}-${placement.worker}`;
  await git(work, ['push', '--quiet', 'origin', `+HEAD:refs/heads/${request.taskBranch}`, `HEAD:${attemptRef}`]);
  return { sha, attemptRef };
}

export function report(request: RemoteTaskRequest, status: RemoteTaskReport['status'], placement: TaskPlacement, commit?: { sha: string; attemptRef: string }): RemoteTaskReport {
  return {
    status,
    ...(status === 'blocked' ? { blockedReason: 'verify_failed: npm test' } : {}),
    verified: status === 'done',
    results: { task_id: request.task.id, run_id: 'worker-run', status: status === 'blocked' ? 'failed' : 'completed', summary: `did ${request.task.id}` },
    summary: `did ${request.task.id}`,
    resultStatus: 'completed',
    threadId: `thread-${request.task.id}`,
    usage: { input_tokens: 10, output_tokens: 2 },
    durationMs: 5,
    attempts: 1,
    reminders: 0,
    exitCode: 0,
    logTail: `agent log of ${request.task.id}\n`,
    placement,
    ...(commit ? { commit } : {}),
  };
}

function untilAborted(signal: AbortSignal, message: string): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(new Error(message));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}
