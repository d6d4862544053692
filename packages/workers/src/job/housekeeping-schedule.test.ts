import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, tempDir } from '@planwright/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { housekeepingSchedule } from './housekeeping-schedule.js';
import { fakeTask, jobContext, jobRemote, jobRequest } from './job-test-kit.js';
import { runTaskJob } from './run-task-job.js';

/** The commands git ran in turn, as GIT_TRACE says them (`run_command: ...`). */
function gitChildren(trace: string): string[] {
  return readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes('run_command:'));
}

const every = housekeepingSchedule.every;
afterEach(() => {
  housekeepingSchedule.every = every;
});

describe('git housekeeping of the mirror', () => {
  it('a job\'s fetch and commit run none; the cleanup of every Nth job of the mirror runs gc --auto', { timeout: 60_000 }, async () => {
    housekeepingSchedule.every = 2;
    const remote = await jobRemote();
    // The remote's own gc after a push (receive.autogc) is the remote's business, not the worker's.
    await git(remote.remote, ['config', 'receive.autogc', 'false']);
    const base = await jobContext();
    const traces = [join(await tempDir(), 'first.txt'), join(await tempDir(), 'second.txt')];
    const first = await runTaskJob(jobRequest(remote, fakeTask('task_001', {}, 'write one.txt 1')), { ...base, env: { ...base.env, GIT_TRACE: traces[0] } });
    expect(first.commit).toBeDefined();
    const firstChildren = gitChildren(traces[0]!);
    // The job did fetch (the mirror was made) and commit: their children are there, maintenance not.
    expect(firstChildren.join('\n')).toMatch(/rev-list --objects|unpack-objects|index-pack/);
    expect(firstChildren.filter((line) => /maintenance|gc --auto/.test(line))).toEqual([]);
    await runTaskJob(jobRequest(remote, fakeTask('task_002', {}, 'write two.txt 2')), { ...base, env: { ...base.env, GIT_TRACE: traces[1] } });
    const built = readFileSync(traces[1]!, 'utf8').split('\n').filter((line) => line.includes('built-in: git'));
    expect(built.filter((line) => / gc --auto/.test(line))).toHaveLength(1);
    expect(built.filter((line) => / maintenance /.test(line))).toEqual([]);
  });
});
