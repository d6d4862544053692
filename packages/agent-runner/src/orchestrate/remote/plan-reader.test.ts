import { writeFile } from 'node:fs/promises';
import { loadPlan, updatePlan } from '@planwright/plan-schema';
import { tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { planReader } from './plan-reader.js';

vi.mock('@planwright/plan-schema', async (actual) => {
  const real = await actual<typeof import('@planwright/plan-schema')>();
  return { ...real, loadPlan: vi.fn(real.loadPlan) };
});

describe('planReader', () => {
  it('parses plan.json again only when it changed, and hands each caller its own copy', async () => {
    const { planFile } = await tempPlanRepo({ plan: { goal: 'g', tasks: [{ id: 't1', title: 'T1', status: 'pending' }] } });
    const read = planReader(planFile);
    vi.mocked(loadPlan).mockClear();
    const first = await read();
    first.tasks[0]!.status = 'done';
    expect((await read()).tasks[0]!.status).toBe('pending');
    expect(vi.mocked(loadPlan)).toHaveBeenCalledTimes(1);
    // This run's own write (an atomic replace), then a person's edit in place.
    await updatePlan(planFile, (plan) => void (plan.tasks[0]!.status = 'in_progress'));
    expect((await read()).tasks[0]!.status).toBe('in_progress');
    await writeFile(planFile, JSON.stringify({ goal: 'g', tasks: [{ id: 't1', title: 'T1', status: 'deferred' }] }, null, 2));
    expect((await read()).tasks[0]!.status).toBe('deferred');
    expect(vi.mocked(loadPlan)).toHaveBeenCalledTimes(3);
  });
});
