import { describe, expect, it } from 'vitest';
import { fakeTask, jobContext, jobRemote, jobRequest, remoteRef } from './job-test-kit.js';
import { runTaskJob } from './run-task-job.js';

// The request's settings reach the worker's one-task run: retries and timeouts behave as in a local run.

describe('runTaskJob: the coordinator settings', () => {
  it('retries: a verify that fails once is followed up in the same session, then the task is done', { timeout: 60_000 }, async () => {
    const remote = await jobRemote();
    // Fails the first time, passes the second: whatever the agent does, a follow-up must happen.
    const verify = 'if [ -f .verified-once ]; then echo ok; else touch .verified-once; echo "expected 3 got 2" >&2; exit 1; fi';
    const task = fakeTask('task_001', { verify: [verify] }, 'write one.txt 1');
    const report = await runTaskJob(jobRequest(remote, task, { autoVerify: true, retries: 1 }), await jobContext());
    expect(report).toMatchObject({ status: 'done', verified: true, attempts: 2 });
  });

  it('timeoutMinutes: a stuck agent is ended and the task reported blocked by timeout', { timeout: 60_000 }, async () => {
    const remote = await jobRemote();
    const report = await runTaskJob(jobRequest(remote, fakeTask('task_001', {}, 'hang'), { timeoutMinutes: 0.03, timeoutGraceSeconds: 1 }), await jobContext());
    expect(report).toMatchObject({ status: 'blocked', blockedReason: 'timeout', resultStatus: 'partial' });
    expect(report.results).toMatchObject({ generated_by: expect.any(String) });
    expect(await remoteRef(remote, 'refs/heads/planwright/pr-1/task_001')).toBe('');
  });
});
