import { git } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { doWork, report } from '../../../test/git-executor.js';
import { remoteFixture } from '../../../test/remote-fixture.js';
import type { RemoteTaskRequest } from '../executor.js';

// An earlier coordinator's run id: its process is long gone.
const OLD_RUN = '20260101-000000-4194000-ab12';
const placement = { host: 'old-host', worker: 'w9', attempt: 1 };

describe('run --executor after a coordinator died: the jobs it sent are found again', () => {
  it('integrates a finished job, awaits a running one (holding its domain), blocks a failed one, leaves an unknown one to the sync', async () => {
    const left = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: `Task ${id}`, status: 'in_progress' as const, last_run_id: OLD_RUN, worker: 'w9', host: 'old-host', attempt: 1, ...extra });
    const fixture = await remoteFixture([left('f'), left('r', { domain: 'api' }), left('x'), left('u'), { id: 'p', title: 'Task p', status: 'pending', domain: 'api' }]);
    const head = await git(fixture.repo, ['rev-parse', 'HEAD']);
    await git(fixture.repo, ['push', '--quiet', 'origin', 'HEAD:refs/heads/main']);
    const request = (id: string): RemoteTaskRequest => ({ pr: 'pr-1', runId: OLD_RUN, task: { id, title: `Task ${id}` }, remote: fixture.bare, prBranch: 'main', baseSha: head, taskBranch: `planwright/pr-1/${id}`, settings: { agent: 'codex', autoVerify: true, retries: 0 } });
    const finished = await doWork(request('f'), { 'f.txt': 'f\n' }, placement);
    fixture.executor.adoptions.set('f', { state: 'finished', report: report(request('f'), 'done', placement, finished) });
    fixture.executor.adoptions.set('x', { state: 'failed', reason: 'agent crashed\nstack' });
    const running = new Promise<ReturnType<typeof report>>((resolve) => {
      setTimeout(() => void doWork(request('r'), { 'r.txt': 'r\n' }, { ...placement, attempt: 2 }).then((work) => resolve(report(request('r'), 'done', { ...placement, attempt: 2 }, work))), 500);
    });
    fixture.executor.adoptions.set('r', { state: 'running', placement: { ...placement, attempt: 2 }, report: running });
    const { result, events } = await fixture.runRemote({ concurrency: 2, autoVerify: true });
    expect(fixture.executor.calls.filter((call) => call.startsWith('adopt')).sort()).toEqual(['f', 'r', 'u', 'x'].map((id) => `adopt ${id} ${OLD_RUN}`));
    expect(await fixture.task('f')).toMatchObject({ status: 'done', worker: 'w9' });
    expect(events).toContainEqual({ type: 'reconciled', taskId: 'f', from: 'in_progress', to: 'done', reason: 'finished on w9' });
    expect(await fixture.task('x')).toMatchObject({ status: 'blocked', blocked_reason: 'worker_failed: agent crashed' });
    expect((await fixture.task('u')).status).toBe('blocked');
    expect((await fixture.task('u')).blocked_reason).toMatch(/interrupted/);
    expect(await fixture.task('r')).toMatchObject({ status: 'done', attempt: 2 });
    expect(result.outcomes.map((outcome) => outcome.taskId).sort()).toEqual(['p', 'r']);
    // p shares r's domain: it was sent only once r had landed, from a base holding r's commit.
    const sent = fixture.executor.requests.find((entry) => entry.task.id === 'p')!;
    expect(await git(fixture.bare, ['show', `${sent.baseSha}:r.txt`])).toBe('r');
    expect((await fixture.log()).filter((subject) => subject !== 'initial').sort()).toEqual(['f: Task f', 'p: Task p', 'r: Task r']);
    // Tasks settled by the start's reconcile are reported there, not as this run's outcomes.
    expect(result.exitCode).toBe(0);
  });
});
