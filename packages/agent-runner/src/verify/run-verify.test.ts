import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { processGroupMembers } from '@planwright/run-store';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { runVerify } from './run-verify.js';

describe('runVerify', () => {
  it('runs every command in a shell in the task folder and logs their output', async () => {
    const dir = await tempDir();
    const logPath = join(dir, 'verify_t1.log');
    const outcome = await runVerify({ commands: ['echo one > out.txt', 'cat out.txt && echo two'], cwd: dir, logPath, timeoutMs: 10_000 });
    expect(outcome).toMatchObject({ passed: true, ran: 2 });
    expect(await readFile(logPath, 'utf8')).toBe('$ echo one > out.txt\n[exit 0]\n\n$ cat out.txt && echo two\none\ntwo\n[exit 0]\n\n');
  });

  it('stops at the first failure and returns the command and its output tail', async () => {
    const dir = await tempDir();
    const outcome = await runVerify({ commands: ['true', 'echo "3 tests failed" >&2; exit 3', 'echo never'], cwd: dir, logPath: join(dir, 'v.log'), timeoutMs: 10_000 });
    expect(outcome).toMatchObject({ passed: false, ran: 2, failure: { command: 'echo "3 tests failed" >&2; exit 3', exitCode: 3, timedOut: false } });
    expect(outcome.failure!.outputTail).toContain('3 tests failed');
    expect(await readFile(join(dir, 'v.log'), 'utf8')).not.toContain('never');
  });

  it('a command past its timeout is ended with its whole process group', async () => {
    const dir = await tempDir();
    const pidFile = join(dir, 'pgid');
    const outcome = await runVerify({ commands: [`echo $$ > ${pidFile}; sleep 300 & sleep 300; wait`], cwd: dir, logPath: join(dir, 'v.log'), timeoutMs: 300 });
    expect(outcome).toMatchObject({ passed: false, failure: { timedOut: true } });
    const pgid = Number((await readFile(pidFile, 'utf8')).trim());
    expect(await processGroupMembers(pgid)).toEqual([]);
  });
});
