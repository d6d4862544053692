import { existsSync } from 'node:fs';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { loadPlan } from '@planwright/plan-schema';
import { join } from 'node:path';
import { isProcessAlive, listRuns, terminateProcessGroup } from '@planwright/run-store';
import { describe, expect, it } from 'vitest';
import { call, callError, fakeTask, memoryClient, planRepo } from '../../test/mcp-fixture.js';

describe('running tools', () => {
  it('wait_run reports progress and times out; a cancelled wait ends only itself; run_status, stop_run, doctor and sync read and steer the run', async () => {
    const fixture = await planRepo([
      fakeTask('task_001', { description: 'Work.\nfake-agent: slow 4', verify: ['test -f README.md'] }),
      fakeTask('task_002', { depends_on: ['task_001'] }),
    ]);
    const client = await memoryClient(fixture.repo, fixture.env);
    const started = await call(client, 'start_run', { pr: 'pr-1', compact_run: true });

    const progress: string[] = [];
    const short = (await client.callTool({ name: 'wait_run', arguments: { pr: 'pr-1', run_id: started.run_id, timeout_seconds: 1.5 } }, undefined, {
      onprogress: (note) => void progress.push(note.message ?? ''),
    })) as CallToolResult;
    expect(short.structuredContent).toMatchObject({ run_id: started.run_id, active: true, timed_out: true, finished: [], blocked: [], verified: [] });
    expect(progress[0]).toMatch(/^run .*: \w+, waited 1 s$/);

    const cancel = new AbortController();
    const cancelled = client.callTool({ name: 'wait_run', arguments: { pr: 'pr-1', timeout_seconds: 60 } }, undefined, { signal: cancel.signal });
    setTimeout(() => cancel.abort(), 300);
    await expect(cancelled).rejects.toThrow(/abort/i);
    expect(isProcessAlive(started.pid as number)).toBe(true);

    const running = await call(client, 'run_status', { pr: 'pr-1', run_id: started.run_id });
    expect(running).toMatchObject({ run_id: started.run_id, tasks: [{ task_id: 'task_001', log_tail: expect.any(String) }] });
    const stop = await call(client, 'stop_run', { pr: 'pr-1' });
    expect(existsSync(stop.stop_path as string)).toBe(true);
    expect(await call(client, 'doctor', { pr: 'pr-1', task: 'task_001' })).toMatchObject({ task_id: 'task_001' });

    let waited: Record<string, unknown> = { active: true };
    while (waited.active) waited = await call(client, 'wait_run', { pr: 'pr-1', run_id: started.run_id, timeout_seconds: 20 });
    const all = await call(client, 'wait_run', { pr: 'pr-1', run_id: started.run_id, timeout_seconds: 1 });
    expect(all).toMatchObject({ active: false, changes: [] });
    expect((await loadPlan(fixture.planFile)).tasks.map((task) => task.status)).toEqual(['agent_done', 'pending']);
    expect(await call(client, 'sync', { pr: 'pr-1', dry_run: true })).toMatchObject({ dry_run: true, written: false });

    expect(await call(client, 'verify_task', { pr: 'pr-1', task: 'task_001' })).toMatchObject({ task_id: 'task_001', passed: true, status: 'done' });
    expect(await callError(client, 'wait_run', { pr: 'pr-1', run_id: 'no-such-run' })).toMatch(/no run "no-such-run"/);
  });

  it('research and review with dry_run write their plan and bundle and start no agent', async () => {
    const fixture = await planRepo([fakeTask('task_001')]);
    const client = await memoryClient(fixture.repo, fixture.env);
    const research = await call(client, 'research', { pr: 'pr-1', goal: 'Add an export', dry_run: true });
    expect(research).toMatchObject({ dryRun: true, exitCode: 0 });
    expect(existsSync(research.planFile as string)).toBe(true);
    expect(await call(client, 'review', { pr: 'pr-1', dry_run: true })).toMatchObject({ dry_run: true, reviewer: 'gemini' });
    expect(await callError(client, 'research', { pr: 'pr-1', goal: 'x', out: '../elsewhere.md' })).toMatch(/out: .* is outside the repository/);
  });
});

describe('cancelling research', () => {
  it('ends the research agent that call started, and nothing else', async () => {
    const fixture = await planRepo([fakeTask('task_001', { description: 'Work.\nfake-agent: slow 30' })]);
    const client = await memoryClient(fixture.repo, fixture.env);
    const started = await call(client, 'start_run', { pr: 'pr-1', compact_run: true });
    const cancel = new AbortController();
    const progress: string[] = [];
    const research = client.callTool({ name: 'research', arguments: { pr: 'pr-1', goal: 'Map the code.\nfake-agent: slow 60' } }, undefined, {
      signal: cancel.signal,
      onprogress: (note) => {
        progress.push(note.message ?? '');
        // Cancelled once its agent is running.
        if (note.message === 'research: task-started') cancel.abort();
      },
    });
    await expect(research).rejects.toThrow(/abort/i);
    const runsRoot = join(fixture.planDir, 'research', 'runs', 'pr-1');
    await expect.poll(async () => (await listRuns({ runsRoot }))[0]?.status, { timeout: 20_000 }).toBe('stopped');
    expect(progress).toContain('research: task-started');
    // The task run started before is untouched.
    expect(isProcessAlive(started.pid as number)).toBe(true);
    // Its orchestrator, ended by its process group, ends its own agent on the way out.
    await terminateProcessGroup(started.pid as number);
    await expect.poll(async () => (await call(client, 'status', { pr: 'pr-1' })).latest_run, { timeout: 10_000 }).toMatchObject({ status: 'stopped' });
  });
});
