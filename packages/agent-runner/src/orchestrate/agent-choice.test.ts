import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture } from '../../test/fixture.js';

// A custom agent: one shell line that writes the results file its placeholders name.
const toml = `
[agents.shell]
command = ["sh", "-c", "echo by-shell > made-by.txt; printf '{\\"task_id\\":\\"%s\\",\\"run_id\\":\\"%s\\",\\"status\\":\\"completed\\"}' {task_id} {run_id} > {results}"]
stdin = "none"
events = "none"
`;

describe('choosing the agent', () => {
  it("runs a task with its own agent field, others with --agent or the default", async () => {
    const fixture = await orchestratorFixture([{ ...fakeTask('task_001'), agent: 'shell' }, fakeTask('task_002')]);
    await writeFile(join(fixture.env.CODEX_HOME!, 'orchestrator.toml'), toml);
    const { result, events } = await fixture.run({ maxTasks: 2 });
    expect(result.exitCode).toBe(0);
    const agents = events.filter((event) => event.type === 'task-started').map((event) => [(event as { taskId: string }).taskId, (event as { agent: string }).agent]);
    expect(agents).toEqual([['task_001', 'shell'], ['task_002', 'codex']]);
    expect(await readFile(join(fixture.repo, 'made-by.txt'), 'utf8')).toBe('by-shell\n');
    expect((await fixture.invocations()).length).toBe(1); // codex ran task_002 only
  });

  it('--agent sets the agent of tasks that name none', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001')]);
    await writeFile(join(fixture.env.CODEX_HOME!, 'orchestrator.toml'), toml);
    const { result } = await fixture.run({ agent: 'shell' });
    expect(result.exitCode).toBe(0);
    expect(await fixture.invocations()).toEqual([]);
  });

  it('refuses an unknown agent before any task starts (exit 2)', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001'), { ...fakeTask('task_002'), agent: 'aidr' }]);
    await expect(fixture.run({ maxTasks: 2 })).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('task_002.agent "aidr": unknown agent') });
    await expect(fixture.run({ agent: 'nope' })).rejects.toMatchObject({ exitCode: 2, message: '--agent "nope": unknown agent' });
    expect((await fixture.task('task_001')).status).toBe('pending');
    expect(await fixture.invocations()).toEqual([]);
  });
});
