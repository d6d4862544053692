import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan } from '@planwright/plan-schema';
import { listRuns } from '@planwright/run-store';
import { describe, expect, it } from 'vitest';
import { rawRequest } from '../../test/raw-get.js';
import { fakeTask, runFixture } from '../../test/run-fixture.js';
import { startBoard } from '../server/server.js';

describe('the control buttons (--allow-control)', () => {
  it('run next starts one task with the orchestrator; verify runs its commands; stop asks the newest run to stop', async () => {
    const fixture = await runFixture([fakeTask('task_001', { verify: ['test -f one.txt'] }, 'write one.txt 1'), fakeTask('task_002')]);
    const board = await startBoard({ repo: fixture.repo, pr: 'pr-1', allowControl: true, env: fixture.env });
    const press = async (action: string, task?: string) => {
      const answer = await rawRequest(board.port, `/api/control/${action}?token=${board.token}`, { method: 'POST', body: JSON.stringify({ task }) });
      return { status: answer.status, body: JSON.parse(answer.body) as Record<string, unknown> };
    };
    try {
      expect(await press('run-next')).toEqual({ status: 200, body: { started: true } });
      await expect.poll(async () => (await loadPlan(fixture.planFile)).tasks.map((task) => task.status), { timeout: 20_000 }).toEqual(['agent_done', 'pending']);

      expect(await press('verify', 'task_001')).toMatchObject({ status: 200, body: { task_id: 'task_001', passed: true, status: 'done' } });
      expect((await loadPlan(fixture.planFile)).tasks[0]).toMatchObject({ status: 'done', verified_by: 'auto' });

      const [newest] = await listRuns({ runsRoot: join(fixture.planDir, 'runs') });
      expect(await press('stop')).toEqual({ status: 200, body: { stop_file: join(newest!.run_dir, 'control', 'stop') } });
      expect(existsSync(join(newest!.run_dir, 'control', 'stop'))).toBe(true);

      expect(await press('verify')).toMatchObject({ status: 400, body: { error: 'verify: no task given' } });
    } finally {
      await board.close();
    }
  });
});
