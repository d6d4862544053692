import { loadPlan } from '@planwright/plan-schema';
import { describe, expect, it } from 'vitest';
import { call, fakeTask, memoryClient, planRepo, stdioClient } from '../../test/mcp-fixture.js';

describe('two clients editing one plan at once', () => {
  it('lose no add_tasks and no update_task (a server process over stdio, and one in this process)', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `task_${String(i + 1).padStart(3, '0')}`);
    const fixture = await planRepo(ids.map((id) => fakeTask(id)));
    const [a, b] = [await stdioClient(fixture.repo, fixture.env), await memoryClient(fixture.repo)];
    await Promise.all([
      ...ids.map((id, i) => call(i % 2 ? a : b, 'update_task', { pr: 'pr-1', task: id, title: `Renamed ${id}`, domain: `d${i}` })),
      ...ids.map((_, i) => call(i % 2 ? b : a, 'add_tasks', { pr: 'pr-1', tasks: [{ id: `new_${i}`, title: `New ${i}`, depends_on: [ids[i]] }] })),
    ]);
    const plan = await loadPlan(fixture.planFile);
    expect(plan.tasks).toHaveLength(12);
    for (const [i, id] of ids.entries()) expect(plan.tasks.find((task) => task.id === id)).toMatchObject({ title: `Renamed ${id}`, domain: `d${i}` });
    expect(plan.tasks.filter((task) => task.id.startsWith('new_')).map((task) => task.id).sort()).toEqual(ids.map((_, i) => `new_${i}`));
  });
});
