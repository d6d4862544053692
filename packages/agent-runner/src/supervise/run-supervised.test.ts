import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive } from '@planwright/run-store';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { AgentRunnerError } from '../errors.js';
import { runSupervised } from './run-supervised.js';

/** The pid a script wrote to `file` (the script's background child). */
async function pidFrom(file: string): Promise<number> {
  for (let i = 0; i < 200; i++) {
    try {
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid > 0) return pid;
    } catch {
      // Not written yet.
    }
    await sleep(20);
  }
  throw new Error(`${file} was never written`);
}

describe('runSupervised', () => {
  it('gives the input on stdin, closes it, and returns the exit code and both streams', async () => {
    const run = await runSupervised({ bin: 'sh', args: ['-c', 'cat; echo oops >&2; exit 3'], cwd: await tempDir(), stdin: 'the bundle\n' });
    expect(run).toMatchObject({ ending: 'exit', exitCode: 3, signal: null, stdout: 'the bundle\n', stderr: 'oops\n', stdoutDropped: 0 });
  });

  it('runs in the given folder with the given environment only when extendEnv is false', async () => {
    const cwd = await tempDir();
    const run = await runSupervised({
      bin: '/bin/sh',
      args: ['-c', 'pwd; echo "${ONLY:-}/${HOME:-none}"'],
      cwd,
      env: { ONLY: 'yes' },
      extendEnv: false,
    });
    expect(run.stdout).toBe(`${cwd}\nyes/none\n`);
  });

  it('ends the whole group at the timeout: TERM, then KILL for what ignores TERM, children included', async () => {
    const dir = await tempDir();
    const childPid = join(dir, 'child.pid');
    // The leader and its background child both ignore TERM; only the KILL after the grace ends them.
    const script = `trap '' TERM; sh -c "trap '' TERM; sleep 300" & echo $! > ${childPid}; echo started; sleep 300`;
    const running = runSupervised({ bin: 'sh', args: ['-c', script], cwd: dir, timeoutMs: 300, graceMs: 200 });
    const child = await pidFrom(childPid);
    const run = await running;
    expect(run.ending).toBe('timeout');
    expect(run.signal).toBe('SIGKILL');
    expect(run.stdout).toBe('started\n');
    expect(isProcessAlive(run.pid)).toBe(false);
    expect(isProcessAlive(child)).toBe(false);
  });

  it('ends the group when the signal aborts', async () => {
    const controller = new AbortController();
    const running = runSupervised({ bin: 'sh', args: ['-c', 'echo waiting; sleep 300'], cwd: await tempDir(), signal: controller.signal });
    await sleep(100);
    controller.abort();
    const run = await running;
    expect(run).toMatchObject({ ending: 'aborted', signal: 'SIGTERM', stdout: 'waiting\n' });
  });

  it('ends what the CLI left behind when it exits, and does not wait for the pipes it holds', async () => {
    const dir = await tempDir();
    const childPid = join(dir, 'child.pid');
    const run = await runSupervised({ bin: 'sh', args: ['-c', `sleep 300 & echo $! > ${childPid}; echo done`], cwd: dir, graceMs: 200 });
    expect(run).toMatchObject({ ending: 'exit', exitCode: 0, stdout: 'done\n' });
    expect(isProcessAlive(await pidFrom(childPid))).toBe(false);
  });

  it('keeps only the last maxOutputBytes of each stream', async () => {
    const script = 'i=0; while [ $i -lt 2000 ]; do echo "line $i"; i=$((i+1)); done; echo last';
    const run = await runSupervised({ bin: 'sh', args: ['-c', script], cwd: await tempDir(), maxOutputBytes: 100 });
    expect(Buffer.byteLength(run.stdout)).toBe(100);
    expect(run.stdout.endsWith('line 1999\nlast\n')).toBe(true);
    expect(run.stdoutDropped + 100).toBe(Buffer.byteLength(Array.from({ length: 2000 }, (_, i) => `line ${i}\n`).join('') + 'last\n'));
  });

  it('throws a one-line error when the binary cannot be started', async () => {
    const cwd = await tempDir();
    const error = await runSupervised({ bin: join(cwd, 'no-such-cli'), args: [], cwd }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AgentRunnerError);
    expect((error as Error).message).toBe(`${join(cwd, 'no-such-cli')} could not be started in ${cwd} (ENOENT)`);
  });
});
