import { tempDir } from '@planwright/test-utils';
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processExists } from '@planwright/cli-kit';
import { claimJobDir, endOrphanedJobs, jobsRoot } from './orphaned-jobs.js';

const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Ended by the test.
    }
  }
});

/** A detached `sleep` leading its own process group, as agents run: recorded as a run's agent. */
async function agentIn(jobDir: string, taskId: string): Promise<number> {
  const child = execa('sleep', ['60'], { detached: true, cleanup: false, reject: false, stdio: 'ignore' });
  child.unref();
  const pid = child.pid!;
  started.push(pid);
  const control = join(jobDir, 'runs', 'pr-1', 'r1', 'control');
  await mkdir(control, { recursive: true });
  const startedAt = new Date(Date.now() - 1000).toISOString();
  await writeFile(join(control, 'agent_pids.json'), JSON.stringify({ run_id: 'r1', updated_at: startedAt, agents: { [taskId]: { pid, pgid: pid, started_at: startedAt, agent: 'codex', run_id: 'r1' } } }));
  return pid;
}

/** Until `pid` is gone (its zombie reaped by this process too): ended processes of this test's own children linger a moment. */
async function gone(pid: number): Promise<boolean> {
  for (let tries = 0; tries < 100 && processExists(pid); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
  return !processExists(pid);
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = execa('true');
  await child;
  return child.pid!;
}

describe('orphaned jobs in a worker cache', () => {
  it('ends the agent of a job whose worker died, and removes its folder; says so', async () => {
    const cacheDir = await tempDir();
    const jobDir = join(jobsRoot(cacheDir), 'pr-1.t1.run-1');
    const pid = await agentIn(jobDir, 't1');
    const dead = await deadPid();
    await writeFile(join(jobDir, 'owner'), `${hostname()} ${dead} abcdef`);
    const lines: string[] = [];
    await endOrphanedJobs({ cacheDir, say: (line) => lines.push(line) });
    expect(await gone(pid)).toBe(true);
    expect(existsSync(jobDir)).toBe(false);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^t1: the agent left running by a dead worker \\(${hostname()} pid ${dead}\\): TERM to process group ${pid} `))]);
  });

  it('leaves alone the jobs of live workers, of other hosts, and folders without an owner', async () => {
    const cacheDir = await tempDir();
    const live = join(jobsRoot(cacheDir), 'pr-1.live.run-1');
    const remote = join(jobsRoot(cacheDir), 'pr-1.remote.run-1');
    const unowned = join(jobsRoot(cacheDir), 'pr-1.unowned.run-1');
    const pids = [await agentIn(live, 'live'), await agentIn(remote, 'remote'), await agentIn(unowned, 'unowned')];
    await writeFile(join(live, 'owner'), `${hostname()} ${process.ppid} 123456`);
    await writeFile(join(remote, 'owner'), `another-host ${await deadPid()} 123456`);
    await endOrphanedJobs({ cacheDir, say: () => {} });
    for (const pid of pids) expect(processExists(pid)).toBe(true);
    for (const dir of [live, remote, unowned]) expect(existsSync(dir)).toBe(true);
  });

  it('a job folder claimed again: the dead attempt\'s agent ended, the folder made anew and marked as this process\'s', async () => {
    const cacheDir = await tempDir();
    const jobDir = join(jobsRoot(cacheDir), 'pr-1.t1.run-1');
    const pid = await agentIn(jobDir, 't1');
    await writeFile(join(jobDir, 'owner'), `${hostname()} ${await deadPid()} abcdef`);
    await claimJobDir(jobDir, () => {});
    expect(await gone(pid)).toBe(true);
    expect(existsSync(join(jobDir, 'runs'))).toBe(false);
    expect(await readFile(join(jobDir, 'owner'), 'utf8')).toMatch(new RegExp(`^${hostname()} ${process.pid} [0-9a-f]{12}$`));
  });

  it('no cache yet: nothing to do', async () => {
    await expect(endOrphanedJobs({ cacheDir: join(await tempDir(), 'none'), say: () => {} })).resolves.toBeUndefined();
  });
});
