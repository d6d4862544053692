import { requestStop } from '@planwright/run-store';
import { describe, expect, it } from 'vitest';
import { remoteFixture } from '../../../test/remote-fixture.js';
import type { OrchestratorEvent } from '../options.js';

const task = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: `Task ${id}`, status: 'pending' as const, ...extra });

describe('run --executor: control/stop and SIGINT reach the workers', () => {
  it('control/stop holds launches once, and a withdrawn job gives its task back as it was', async () => {
    const fixture = await remoteFixture([task('a1', { domain: 'a', attempts: 2 }), task('a2', { domain: 'a' }), task('b1', { domain: 'b' })], {
      a1: { wait: true },
    });
    fixture.executor.withdraw = ['a1'];
    let runDir = '';
    const onEvent = (event: OrchestratorEvent) => {
      if (event.type === 'run') runDir = event.runDir;
      // b1 is on a worker: the person stops the run now.
      if (event.type === 'placed' && event.taskId === 'b1') void requestStop(runDir);
    };
    const { result } = await fixture.runRemote({ concurrency: 2, onEvent });
    expect(result.exitCode).toBe(2);
    expect(fixture.executor.calls.filter((call) => call === 'holdLaunches')).toHaveLength(1);
    expect(await fixture.task('a1')).toEqual(task('a1', { domain: 'a', attempts: 2 }));
    expect((await fixture.task('b1')).status).toBe('done');
    expect(fixture.executor.requests.map((request) => request.task.id).sort()).toEqual(['a1', 'b1']);
    expect((await fixture.task('a2')).status).toBe('pending');
  });

  it('SIGINT cancels the run on the workers: a task a worker took is blocked as interrupted, one none took goes back to pending; exit 130', async () => {
    const fixture = await remoteFixture([task('t1', { domain: 'a' }), task('t2', { domain: 'b', attempts: 1 })], { t1: { takenThenWait: true }, t2: { wait: true } });
    const controller = new AbortController();
    const onEvent = (event: OrchestratorEvent) => {
      if (event.type === 'placed' && event.taskId === 't1') setTimeout(() => controller.abort(), 300);
    };
    const { result } = await fixture.runRemote({ concurrency: 2, signal: controller.signal, onEvent });
    expect(result.exitCode).toBe(130);
    expect(fixture.executor.calls).toEqual(['cancel', 'close']);
    expect(fixture.executor.requests.map((request) => request.task.id).sort()).toEqual(['t1', 't2']);
    expect(await fixture.task('t1')).toMatchObject({ status: 'blocked', blocked_reason: 'interrupted' });
    // As a local run leaves a task it never started: as it was before the claim.
    expect(await fixture.task('t2')).toEqual(task('t2', { domain: 'b', attempts: 1 }));
    expect(result.outcomes.find((outcome) => outcome.taskId === 't2')).toMatchObject({ status: 'skipped', summary: 'the run was interrupted before a worker took it' });
  });

  it("says the executor's notices as warnings, and closes it at the end", async () => {
    const fixture = await remoteFixture([task('t1')]);
    const executors = {
      redis: async (_url: string, context: { notice: (message: string) => void }) => {
        context.notice('redis://127.0.0.1:6399 unreachable, retrying');
        return fixture.executor;
      },
    };
    const { result, events } = await fixture.runRemote({ executors });
    expect(result.exitCode).toBe(0);
    expect(events).toContainEqual({ type: 'warning', message: 'redis://127.0.0.1:6399 unreachable, retrying' });
    expect(fixture.executor.calls.at(-1)).toBe('close');
  });
});
