import { readFile } from 'node:fs/promises';
import { tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { verifyTask } from './verify-task.js';

const plan = {
  tasks: [
    { id: 'ok', status: 'agent_done', verify: ['test -f README.md', 'true'] },
    { id: 'bad', status: 'agent_done', verify: ['echo broken >&2; exit 2'] },
    { id: 'none', status: 'pending' },
  ],
};

describe('verifyTask', () => {
  it('passes: done, verified_by auto, a MASTER.md entry', async () => {
    const { repo, planFile, planDir } = await tempPlanRepo({ plan, files: { 'README.md': '# x\n' } });
    const result = await verifyTask({ repo, pr: 'pr-1', task: 'ok' });
    expect(result).toMatchObject({ passed: true, status: 'done', commands: 2 });
    expect(JSON.parse(await readFile(planFile, 'utf8')).tasks[0]).toMatchObject({ status: 'done', verified_by: 'auto' });
    expect(await readFile(`${planDir}/MASTER.md`, 'utf8')).toContain('— verify ok\n\n- passed: 2 commands\n- status: done\n');
  });

  it('fails: blocked with the failing command, and the log kept', async () => {
    const { repo, planFile } = await tempPlanRepo({ plan });
    const result = await verifyTask({ repo, pr: 'pr-1', task: 'bad' });
    expect(result).toMatchObject({ passed: false, status: 'blocked', failure: { command: 'echo broken >&2; exit 2', exitCode: 2 } });
    expect(JSON.parse(await readFile(planFile, 'utf8')).tasks[1]).toMatchObject({ status: 'blocked', blocked_reason: 'verify_failed: echo broken >&2; exit 2' });
    expect(await readFile(result.log_path, 'utf8')).toContain('broken');
  });

  it('refuses a task without verify commands, and an unknown task (exit 2), writing nothing', async () => {
    const { repo, planFile } = await tempPlanRepo({ plan });
    const before = await readFile(planFile, 'utf8');
    await expect(verifyTask({ repo, pr: 'pr-1', task: 'none' })).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('none has no verify commands') });
    await expect(verifyTask({ repo, pr: 'pr-1', task: 'nope' })).rejects.toMatchObject({ exitCode: 2 });
    await expect(verifyTask({ repo, pr: 'pr-1', task: 'ok', timeoutMinutes: -1 })).rejects.toMatchObject({ exitCode: 2, message: '--timeout-minutes -1: expected a number of 0 or more' });
    await expect(verifyTask({ repo, pr: 'pr-1', task: 'ok', timeoutMinutes: Number.NaN })).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^--timeout-minutes \(not a number\)/) });
    expect(await readFile(planFile, 'utf8')).toBe(before);
  });
});
