import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPlan } from '@planwright/plan-schema';
import { describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture } from '../../test/fixture.js';
import type { OrchestratorEvent } from './options.js';

// A second agent: one shell line that writes its results; it has no usage limit.
const shellAgent = `
[agents.shell]
command = ["sh", "-c", "echo by-shell > made-by.txt; printf '{\\"task_id\\":\\"%s\\",\\"run_id\\":\\"%s\\",\\"status\\":\\"completed\\"}' {task_id} {run_id} > {results}"]
stdin = "none"
events = "none"
`;

const started = (events: OrchestratorEvent[]) => events.flatMap((event) => (event.type === 'task-started' ? [[event.taskId, event.resumed]] : []));

describe('usage limits waited out (paused)', () => {
  it('pauses the task until the reset the agent named, starts no other task of that agent meanwhile, then resumes its session', async () => {
    const fixture = await orchestratorFixture([{ ...fakeTask('task_001', 'usage-limit 2'), domain: 'a' }, { ...fakeTask('task_002'), domain: 'b' }, { ...fakeTask('task_003'), agent: 'shell', domain: 'c' }]);
    await writeFile(join(fixture.env.CODEX_HOME!, 'orchestrator.toml'), shellAgent);
    const { result, events } = await fixture.run({ maxTasks: 3 });
    expect(result.exitCode).toBe(0);
    const paused = events.find((event) => event.type === 'task-paused');
    expect(paused).toMatchObject({ taskId: 'task_001', agent: 'codex', reason: expect.stringContaining('usage limit') });
    // task_003 (another agent) ran during the pause; task_002 (codex) only after the reset.
    expect(started(events)).toEqual([['task_001', false], ['task_003', false], ['task_001', true], ['task_002', false]]);
    const calls = await fixture.invocations();
    const first = await fixture.task('task_001');
    expect(first).toMatchObject({ status: 'agent_done', attempts: 1 });
    expect(first).not.toHaveProperty('paused_until');
    expect(calls[1]!.argv).toContain(first.thread_id); // exec resume <the same thread>
    expect(await readFile(join(fixture.repo, 'made-by.txt'), 'utf8')).toBe('by-shell\n');
  });

  it('blocks as before when the reset is further off than --max-pause-minutes', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'usage-limit 600')]);
    const { result, events } = await fixture.run({ maxPauseMinutes: 1 });
    expect(result.exitCode).toBe(1);
    expect(events.some((event) => event.type === 'task-paused')).toBe(false);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'blocked', blocked_reason: expect.stringContaining('usage limit') });
  });

  it('leaves the task paused when stopped during the wait, and the next start waits out the rest and resumes its session', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'usage-limit 3')]);
    const stop = new AbortController();
    const { result } = await fixture.run({ signal: stop.signal, onEvent: (event) => void (event.type === 'task-paused' && stop.abort()) });
    expect(result.exitCode).toBe(130);
    const paused = await fixture.task('task_001');
    expect(paused).toMatchObject({ status: 'paused', paused_reason: expect.stringContaining('usage limit'), thread_id: expect.stringMatching(/^fake-/) });
    expect(Date.parse(paused.paused_until!)).toBeGreaterThan(Date.now());
    const again = await fixture.run();
    expect(again.result.exitCode).toBe(0);
    expect(started(again.events)).toEqual([['task_001', true]]);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'agent_done', thread_id: paused.thread_id });
    expect((await loadPlan(join(fixture.repo, '.plans/pr-1/plan.json'))).tasks[0]).not.toHaveProperty('paused_reason');
  });
});
