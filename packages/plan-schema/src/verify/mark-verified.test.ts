import { readFile } from 'node:fs/promises';
import { tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { markTaskVerified } from './mark-verified.js';

const plan = {
  goal: 'g',
  tasks: [
    { id: 'task_001', title: 'One', status: 'agent_done', mine: 1 },
    { id: 'task_002', title: 'Two', status: 'pending', depends_on: ['task_001'] },
  ],
};

describe('markTaskVerified', () => {
  it('sets done, verified_at/by/note and appends to MASTER.md', async () => {
    const { repo, planFile, planDir } = await tempPlanRepo({ pr: 'pr-9', plan });
    const result = await markTaskVerified({ repo, pr: 'pr-9', task: 'task_001', note: 'tests pass' });
    expect(result).toMatchObject({ task_id: 'task_001', previous_status: 'agent_done', status: 'done', dry_run: false });
    const written = JSON.parse(await readFile(planFile, 'utf8'));
    expect(written.tasks[0]).toMatchObject({
      id: 'task_001',
      status: 'done',
      verified_by: 'manual',
      verified_note: 'tests pass',
      mine: 1,
    });
    expect(written.tasks[0].verified_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const log = await readFile(`${planDir}/MASTER.md`, 'utf8');
    expect(log).toContain('# pr-9 — Planner Log');
    expect(log).toContain('— mark-verified task_001\n\n- status: done (was agent_done)\n- verified_by: manual\n- note: tests pass\n');
  });

  it('takes another status with --status', async () => {
    const { repo } = await tempPlanRepo({ plan });
    const result = await markTaskVerified({ repo, pr: 'pr-1', task: 'task_002', status: 'deferred' });
    expect(result.status).toBe('deferred');
  });

  it('writes nothing on a dry run', async () => {
    const { repo, planFile, planDir } = await tempPlanRepo({ plan });
    const before = await readFile(planFile, 'utf8');
    const result = await markTaskVerified({ repo, pr: 'pr-1', task: 'task_001', dryRun: true });
    expect(result).toMatchObject({ status: 'done', dry_run: true });
    expect(await readFile(planFile, 'utf8')).toBe(before);
    await expect(readFile(`${planDir}/MASTER.md`)).rejects.toThrow();
  });

  it('refuses an unknown task, naming the known ones', async () => {
    const { repo, planFile } = await tempPlanRepo({ plan });
    const before = await readFile(planFile, 'utf8');
    await expect(markTaskVerified({ repo, pr: 'pr-1', task: 'task_9' })).rejects.toMatchObject({
      exitCode: 2,
      message: `${planFile}: --task "task_9": no such task`,
      hint: 'tasks: task_001, task_002',
    });
    expect(await readFile(planFile, 'utf8')).toBe(before);
  });

  it('refuses an unknown status before reading anything', async () => {
    await expect(markTaskVerified({ pr: 'nowhere', task: 'a', status: 'finished' })).rejects.toMatchObject({
      exitCode: 2,
      message: '--status "finished": unknown status',
    });
  });
});
