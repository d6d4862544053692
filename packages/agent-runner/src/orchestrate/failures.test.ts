import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readMeta } from '@planwright/run-store';
import { describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture, survivors } from '../../test/fixture.js';

const results = async (runDir: string, id: string) => JSON.parse(await readFile(join(runDir, 'results', `${id}.json`), 'utf8'));

describe('orchestrate: agents that do not finish', () => {
  it('a timeout ends the whole process group, grandchild included: blocked timeout, fallback partial, exit 124', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'hang')]);
    const { result } = await fixture.run({ timeoutMinutes: 0.02 });
    expect(result.exitCode).toBe(124);
    expect(await survivors(result.runDir!)).toEqual([]);
    const task = await fixture.task('task_001');
    expect(task).toMatchObject({ status: 'blocked', blocked_reason: 'timeout' });
    expect(await results(result.runDir!, 'task_001')).toMatchObject({
      task_id: 'task_001',
      run_id: result.runId,
      status: 'partial',
      generated_by: 'planwright',
      note: expect.stringContaining('timed out'),
    });
    expect((await readMeta(result.runDir!))?.status).toBe('timeout');
  });

  it('an agent that ignores TERM is killed after the grace period, and nothing of it is left', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'hang-ignore-term')]);
    const { result } = await fixture.run({ timeoutMinutes: 0.02, timeoutGraceSeconds: 0.5 });
    expect(result.exitCode).toBe(124);
    expect(await survivors(result.runDir!)).toEqual([]);
  });

  it("an agent that fails (401): blocked with its own message, fallback results with exit code and log tail", async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'exit 1')]);
    fixture.env.FAKE_AGENT_ERROR = 'unexpected status 401 Unauthorized: Missing bearer';
    const { result } = await fixture.run();
    expect(result.exitCode).toBe(1);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'blocked', blocked_reason: 'agent_failed: unexpected status 401 Unauthorized: Missing bearer' });
    const fallback = await results(result.runDir!, 'task_001');
    expect(fallback).toMatchObject({ status: 'partial', exit_code: 1, error: 'unexpected status 401 Unauthorized: Missing bearer' });
    expect(fallback.log_tail).toContain('turn.failed');
    expect(fallback.log_path).toBe(join(result.runDir!, 'agent_task_001.log'));
  });

  it('an agent that exits 0 without results, even after the reminder, is blocked, not done', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'no-results', 'on-resume no-results')]);
    const { result } = await fixture.run();
    expect(result.exitCode).toBe(1);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'blocked', blocked_reason: 'no_results' });
    expect(await fixture.invocations()).toHaveLength(2);
  });

  it.each(['partial', 'failed', 'blocked'])('results saying %s block the task', async (status) => {
    const fixture = await orchestratorFixture([fakeTask('task_001', status)]);
    const { result } = await fixture.run();
    expect(await fixture.task('task_001')).toMatchObject({ status: 'blocked', blocked_reason: `agent_reported_${status}` });
    expect((await results(result.runDir!, 'task_001')).status).toBe(status);
  });

  it('results with another run id are not trusted', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'wrong-run-id', 'on-resume wrong-run-id')]);
    const { result } = await fixture.run();
    expect(await fixture.task('task_001')).toMatchObject({ status: 'blocked', blocked_reason: 'no_results' });
    expect(await results(result.runDir!, 'task_001')).toMatchObject({ run_id: result.runId, generated_by: 'planwright' });
  });

  it('an agent that delivers but never exits is ended after the results grace', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'results-no-exit')]);
    const { result } = await fixture.run({ resultsGraceSeconds: 0.5 });
    expect(result.exitCode).toBe(0);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'agent_done' });
    expect(await survivors(result.runDir!)).toEqual([]);
  });

  it('a slow agent within the timeout finishes normally', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'slow 1')]);
    const { result } = await fixture.run({ timeoutMinutes: 1 });
    expect(result.exitCode).toBe(0);
    expect((await fixture.task('task_001')).status).toBe('agent_done');
  });
});
