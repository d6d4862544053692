import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPlan } from '@planwright/plan-schema';
import { isProcessAlive } from '@planwright/run-store';
import { describe, expect, it } from 'vitest';
import { call, callError, fakeTask, planRepo, stdioClient } from '../../test/mcp-fixture.js';

describe('start_run and wait_run over stdio (the built planwright-mcp)', () => {
  it('a run started by one server outlives it, and a second server process waits on it to the end', async () => {
    const fixture = await planRepo([fakeTask('task_001', { description: 'Do it.\nfake-agent: slow 2' }), fakeTask('task_002', { depends_on: ['task_001'] })]);
    const first = await stdioClient(fixture.repo, fixture.env);
    const started = await call(first, 'start_run', { pr: 'pr-1', compact_run: true });
    expect(started).toMatchObject({ run_id: expect.stringMatching(/^\d{8}-\d{6}-\d+-[0-9a-f]{4}$/), run_dir: expect.stringContaining(join('.plans', 'pr-1', 'runs')) });
    await first.close();
    // The server is gone; its run is not.
    expect(isProcessAlive(started.pid as number)).toBe(true);

    const second = await stdioClient(fixture.repo, fixture.env);
    let waited: Record<string, unknown> = {};
    for (let i = 0; i < 10 && (waited.active ?? true); i++) {
      waited = await call(second, 'wait_run', { pr: 'pr-1', run_id: started.run_id, timeout_seconds: 20 });
    }
    expect(waited).toMatchObject({ run_id: started.run_id, active: false, run_status: 'completed' });
    expect((await loadPlan(fixture.planFile)).tasks.map((task) => task.status)).toEqual(['agent_done', 'pending']);
    // The orchestrator's own --json document ends up in its run folder.
    expect(started.output_file).toBe(join(started.run_dir as string, 'mcp-start.log'));
    await expect.poll(async () => JSON.parse((await readFile(started.output_file as string, 'utf8')) || '{}'), { timeout: 10_000 }).toMatchObject({ exitCode: 0 });
    expect(await call(second, 'status', { pr: 'pr-1' })).toMatchObject({ latest_run: { run_id: started.run_id, status: 'completed' } });
    // The run as resources: its summary, and the tail of the task's agent log.
    const latest = (await second.readResource({ uri: 'planwright://pr/pr-1/runs/latest' })).contents[0]!;
    expect(JSON.parse('text' in latest ? latest.text : '{}')).toMatchObject({ run_id: started.run_id, status: 'completed', tasks: [{ task_id: 'task_001' }] });
    const log = (await second.readResource({ uri: 'planwright://pr/pr-1/tasks/task_001/log' })).contents[0]!;
    expect('text' in log ? log.text : '').toContain('still working');
    await expect(second.readResource({ uri: 'planwright://pr/pr-1/tasks/task_002/log' })).rejects.toThrow(/task "task_002" is not in the latest run/);
  });

  it('start_run with nothing runnable is a tool error with the orchestrator\'s own line', async () => {
    const fixture = await planRepo([fakeTask('task_001', { status: 'done' })]);
    const client = await stdioClient(fixture.repo, fixture.env);
    expect(await callError(client, 'start_run', { pr: 'pr-1', task_id: 'task_404' })).toMatch(/start_run: the orchestrator exited 2 before starting a run: .*task_404/);
    expect(existsSync(join(fixture.planDir, 'runs'))).toBe(false);
  });
});
