import { tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { pausedState } from './paused.js';

describe('doctor on a paused task', () => {
  it('reports when the pause ends and why, from plan.json', async () => {
    const { planDir } = await tempPlanRepo({
      plan: { tasks: [{ id: 'task_001', status: 'paused', paused_until: '2026-12-06T23:00:00Z', paused_reason: 'usage limit: HTTP 429' }, { id: 'task_002', status: 'in_progress' }] },
    });
    expect(await pausedState(planDir, 'task_001')).toEqual({ until: '2026-12-06T23:00:00Z', reason: 'usage limit: HTTP 429' });
    expect(await pausedState(planDir, 'task_002')).toBeNull();
    expect(await pausedState(undefined, 'task_001')).toBeNull();
  });
});
