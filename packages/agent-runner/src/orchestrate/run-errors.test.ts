import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMeta } from '@planwright/run-store';
import { describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture, survivors } from '../../test/fixture.js';

/** Puts a file where a folder of the run was: every write into it then fails, even as root. */
const fileInstead = (dir: string) => {
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(dir, '');
};

describe('orchestrate: a run file that cannot be written', () => {
  it('ends every agent of the run, blocks its tasks with the error, and throws one line naming the file', async () => {
    const fixture = await orchestratorFixture([
      { ...fakeTask('task_001', 'hang'), domain: 'a' },
      { ...fakeTask('task_002', 'exit 1'), domain: 'b' },
    ]);
    let runDir = '';
    const run = fixture.run({
      concurrency: 2,
      onEvent: (event) => {
        if (event.type === 'run') runDir = event.runDir;
        // task_002's agent fails at once; its fallback results then cannot be written.
        if (event.type === 'task-started' && event.taskId === 'task_002') fileInstead(join(runDir, 'results'));
      },
    });
    const error = await run.catch((thrown: unknown) => thrown);
    const message = `cannot create ${join(runDir, 'results')}: EEXIST`;
    expect(error).toMatchObject({ exitCode: 1, message, hint: expect.stringContaining('a file is in the way') });
    expect(await survivors(runDir)).toEqual([]); // task_001's hanging agent and its grandchild too
    expect(await fixture.task('task_002')).toMatchObject({ status: 'blocked', blocked_reason: `run_failed: ${message}` });
    expect((await fixture.task('task_001')).status).toBe('blocked');
    expect((await readMeta(runDir))?.status).toBe('failed');
  });

  it("turns Node's own file errors (a brief that cannot be written) into one line naming the file", async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    let runDir = '';
    const run = fixture.run({
      onEvent: (event) => {
        if (event.type !== 'run') return;
        runDir = event.runDir;
        fileInstead(join(runDir, 'tasks'));
      },
    });
    expect(await run.catch((thrown: unknown) => thrown)).toMatchObject({
      exitCode: 1,
      message: `cannot open ${join(runDir, 'tasks', 'task_001.md')}: ENOTDIR`,
      hint: expect.stringContaining('a part of the path is a file'),
    });
    expect((await fixture.task('task_001')).status).toBe('pending');
    expect(await fixture.invocations()).toEqual([]);
  });
});
