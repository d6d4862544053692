import { describe, expect, it } from 'vitest';
import { runnableTasks } from '../graph/queries.js';
import { PlanSchema } from '../schemas/plan.js';
import { renderStatus } from './render-status.js';
import { summarizePlan } from './summary.js';

const plan = PlanSchema.parse({
  goal: 'g',
  tasks: [
    { id: 'a', status: 'done' },
    { id: 'b', status: 'paused', depends_on: ['a'], paused_until: '2026-12-06T23:00:00Z', paused_reason: 'usage limit: HTTP 429' },
    { id: 'c', status: 'pending', depends_on: ['b'] },
  ],
});

describe('the paused status', () => {
  it('is valid in plan.json, and a paused task is runnable (its session resumes once the reset has passed)', () => {
    expect(runnableTasks(plan).map((task) => task.id)).toEqual(['b']);
  });

  it('is counted and shown with its reset time and reason by status', () => {
    const summary = summarizePlan(plan);
    expect(summary.counts.paused).toBe(1);
    expect(summary.paused).toEqual([{ id: 'b', until: '2026-12-06T23:00:00Z', reason: 'usage limit: HTTP 429' }]);
    expect(renderStatus(summary)).toContain('paused b until 2026-12-06T23:00:00Z: usage limit: HTTP 429');
  });
});
