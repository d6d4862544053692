import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timestamp } from '@planwright/plan-schema';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { deadPid, groupProcesses, spawnGroup, waitFor } from '../../test/helpers.js';
import { RunStoreError } from '../errors.js';
import { isProcessAlive, isSameProcess, processGroupOf, processStartTime } from './alive.js';
import { psLine } from './ps-line.js';
import { processGroupMembers, terminateProcess, terminateProcessGroup } from './terminate.js';

describe('isProcessAlive and friends', () => {
  it('tells a live process from one that exited', async () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(await deadPid())).toBe(false);
    expect(isProcessAlive(0)).toBe(false);
    expect(isProcessAlive(-1)).toBe(false);
  });

  it('counts a zombie (exited, not reaped) as gone', async () => {
    // The shell's child exits at once; the shell sleeps without reaping it.
    const { pid } = spawnGroup('sh -c "exit 0" & exec sleep 300');
    let zombie: number | undefined;
    await waitFor(() => {
      zombie = groupProcesses(pid).find((p) => p.state === 'Z')?.pid;
      return zombie !== undefined;
    });
    expect(isProcessAlive(zombie!)).toBe(false);
    expect(isProcessAlive(pid)).toBe(true);
  });

  it('knows when a process started, so a recycled pid is not taken for the agent', async () => {
    const before = Date.now();
    const { pid } = spawnGroup('exec sleep 300');
    const started = await processStartTime(pid);
    expect(Math.abs(started!.getTime() - before)).toBeLessThan(10_000);
    expect(await isSameProcess(pid, timestamp())).toBe(true);
    expect(await isSameProcess(pid, null)).toBe(true);
    expect(await isSameProcess(pid, '2020-01-01T00:00:00Z')).toBe(false);
    expect(await processStartTime(await deadPid())).toBeUndefined();
    expect(await processGroupOf(pid)).toBe(pid);
  });

  it('prints the ps line of a running process, nothing for a dead one', async () => {
    const { pid } = spawnGroup('exec sleep 300');
    await waitFor(async () => (await psLine(pid))?.endsWith('sleep 300') === true);
    expect(await psLine(pid)).toMatch(new RegExp(`^${pid} ${pid} \\S+ \\S+ sleep 300$`));
    expect(await psLine(await deadPid())).toBeUndefined();
  });
});

describe('terminateProcessGroup', () => {
  it('ends every process of the group, a TERM-ignoring one with KILL, and nothing else', async () => {
    const bystander = spawnGroup('exec sleep 300');
    // The marker appears only once the trap is set, so TERM cannot arrive before it.
    const ready = join(await tempDir(), 'trapped');
    const agent = spawnGroup(`sleep 300 & sleep 300 & (trap "" TERM; touch ${ready}; exec sleep 300) & wait`);
    await waitFor(async () => existsSync(ready) && (await processGroupMembers(agent.pid)).length === 4);

    const result = await terminateProcessGroup(agent.pid, { graceMs: 300 });

    expect(result).toEqual({ term: true, killed: true, gone: true });
    // Zombies may wait a moment for init to reap them; they have exited. Nothing else may be left.
    expect(groupProcesses(agent.pid).filter((p) => p.state !== 'Z')).toEqual([]);
    expect(isProcessAlive(bystander.pid)).toBe(true);
    expect(isProcessAlive(process.pid)).toBe(true);
    process.kill(bystander.pid, 'SIGTERM');
    await bystander.done;
    expect(isProcessAlive(bystander.pid)).toBe(false);
  });

  it('needs no KILL when every process ends on TERM', async () => {
    const agent = spawnGroup('sleep 300 & sleep 300 & wait');
    await waitFor(async () => (await processGroupMembers(agent.pid)).length === 3);
    expect(await terminateProcessGroup(agent.pid, { graceMs: 10_000 })).toEqual({ term: true, killed: false, gone: true });
    expect(groupProcesses(agent.pid).filter((p) => p.state !== 'Z')).toEqual([]);
  });

  it('does nothing for a group that is gone', async () => {
    const pid = await deadPid();
    expect(await terminateProcessGroup(pid)).toEqual({ term: false, killed: false, gone: true });
  });

  it("refuses this process's own group and the init group", async () => {
    const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
    const ownGroup = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
    await expect(terminateProcessGroup(ownGroup)).rejects.toThrow(RunStoreError);
    await expect(terminateProcessGroup(1)).rejects.toThrow(/refusing to signal process group 1/);
    expect(isProcessAlive(process.pid)).toBe(true);
  });
});

describe('terminateProcess', () => {
  it('ends one process only, leaving its group', async () => {
    const group = spawnGroup('sleep 300 & (trap "" TERM; exec sleep 301) & wait');
    // `sleep 301` exists only after the trap is set and the subshell exec'd, so it surely ignores TERM.
    // (The group leader's own command line names 301 too: look past it.)
    await waitFor(() => groupProcesses(group.pid).some((p) => p.pid !== group.pid && /^sleep 301/.test(cmdline(p.pid))));
    const stubborn = groupProcesses(group.pid).find((p) => p.pid !== group.pid && /^sleep 301/.test(cmdline(p.pid)))!.pid;
    expect(await terminateProcess(stubborn, { graceMs: 200 })).toEqual({ term: true, killed: true, gone: true });
    expect(isProcessAlive(stubborn)).toBe(false);
    expect(isProcessAlive(group.pid)).toBe(true);
  });
});

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}
