import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeTask, jobRequest } from './job-test-kit.js';
import { logTail } from './job-report.js';
import { writeOneTaskPlan } from './one-task-plan.js';

const remote = { remote: '/srv/app.git', checkout: '', prBranch: 'pr/pr-1', baseSha: 'a'.repeat(40) };

describe('writeOneTaskPlan', () => {
  it('holds the task alone, pending, without dependencies or the coordinator bookkeeping; the planner keys kept', async () => {
    const jobDir = await tempDir('planwright-job-');
    const task = { ...fakeTask('task_002', { depends_on: ['task_001'], verify: ['true'] }), owner: 'ana', host: 'h', worker: 'w', attempt: 2, thread_id: 't', blocked_reason: 'x' };
    const { planDir, planFile } = await writeOneTaskPlan({ jobDir, request: jobRequest(remote, task) });
    expect(planDir).toBe(join(jobDir, 'pr-1'));
    const plan = JSON.parse(await readFile(planFile, 'utf8'));
    expect(plan.goal).toBe('Ship the feature');
    expect(plan.tasks).toEqual([{ id: 'task_002', title: 'Task task_002', description: task.description, status: 'pending', verify: ['true'], owner: 'ana' }]);
  });
});

describe('logTail', () => {
  it('keeps the whole of a short log, the whole lines of a long one, and is empty without a log', async () => {
    const dir = await tempDir('planwright-log-');
    await mkdir(dir, { recursive: true });
    const short = join(dir, 'short.log');
    await writeFile(short, 'one\ntwo\n');
    expect(await logTail(short)).toBe('one\ntwo\n');
    const long = join(dir, 'long.log');
    const lines = Array.from({ length: 2000 }, (_, index) => `line ${index} é`);
    await writeFile(long, `${lines.join('\n')}\n`);
    const tail = await logTail(long);
    expect(Buffer.byteLength(tail)).toBeLessThanOrEqual(8 * 1024);
    expect(tail.endsWith('line 1999 é\n')).toBe(true);
    expect(tail.split('\n')[0]).toMatch(/^line \d+ é$/);
    expect(await logTail(join(dir, 'none.log'))).toBe('');
  });
});
