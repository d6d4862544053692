import type { Results, Task } from '@planwright/plan-schema';
import { describe, expect, it } from 'vitest';
import { applySync, decideSync } from './decide.js';

const paused: Task = {
  id: 'task_001',
  status: 'paused',
  last_run_id: '20261206-220000-100-aaaa',
  paused_until: '2026-12-06T23:00:00Z',
  paused_reason: 'usage limit: HTTP 429',
  thread_id: 'thread-1',
};
const results = (runId: string) => ({
  task_id: 'task_001',
  run_id: runId,
  run_dir: `/runs/${runId}`,
  path: `/runs/${runId}/results/task_001.json`,
  results: { task_id: 'task_001', run_id: runId, status: 'completed' } as Results,
});

describe('sync and the paused status', () => {
  it('leaves a paused task alone when its agent is gone: the next start resumes it', () => {
    expect(decideSync(paused, undefined, { state: 'gone', detail: 'no process' })).toBeUndefined();
  });

  it('takes results of a later run, and the pause ends with them', () => {
    const later = results('20261206-230500-200-bbbb');
    const change = decideSync(paused, later, { state: 'gone', detail: 'no process' });
    expect(change).toMatchObject({ from: 'paused', to: 'agent_done', source: 'results' });
    const task = structuredClone(paused);
    applySync(task, change!, new Date('2026-12-06T23:10:00Z'));
    expect(task).toMatchObject({ status: 'agent_done', last_run_id: later.run_id });
    expect(task).not.toHaveProperty('paused_until');
    expect(task).not.toHaveProperty('paused_reason');
  });

  it('ignores results of its own or an earlier run', () => {
    expect(decideSync(paused, results('20261206-220000-100-aaaa'), undefined)).toBeUndefined();
  });
});
