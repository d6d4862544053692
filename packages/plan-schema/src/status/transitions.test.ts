import { describe, expect, it } from 'vitest';
import type { Task } from '../schemas/task.js';
import { markAgentDone, markBlocked, markPaused, markVerified, reopenTask, startTask, timestamp } from './transitions.js';

const at = new Date('2026-11-24T10:20:30.456Z');

describe('status transitions', () => {
  it('writes RFC 3339 UTC timestamps in whole seconds', () => {
    expect(timestamp(at)).toBe('2026-11-24T10:20:30Z');
  });

  it('startTask records the run', () => {
    const task: Task = { id: 'a', status: 'pending' };
    startTask(task, { runDir: '/runs/x', runId: 'r1', at });
    expect(task).toMatchObject({ status: 'in_progress', delegated_at: '2026-11-24T10:20:30Z', run_dir: '/runs/x', last_run_id: 'r1' });
  });

  it('markAgentDone records when', () => {
    expect(markAgentDone({ id: 'a' }, { at })).toMatchObject({ status: 'agent_done', agent_done_at: '2026-11-24T10:20:30Z' });
  });

  it('markBlocked records why and when; reopenTask clears both', () => {
    const task = markBlocked({ id: 'a', status: 'in_progress' }, 'timeout', { at });
    expect(task).toMatchObject({ status: 'blocked', blocked_reason: 'timeout', blocked_at: '2026-11-24T10:20:30Z' });
    expect(reopenTask(task)).toEqual({ id: 'a', status: 'pending' });
  });

  it('markPaused records until when and why; the resume (startTask) and reopenTask clear both', () => {
    const task = markPaused({ id: 'a', status: 'in_progress' }, { until: at, reason: 'usage limit: HTTP 429' });
    expect(task).toMatchObject({ status: 'paused', paused_until: '2026-11-24T10:20:30Z', paused_reason: 'usage limit: HTTP 429' });
    expect(startTask(structuredClone(task), { at })).not.toHaveProperty('paused_until');
    expect(reopenTask(task)).toEqual({ id: 'a', status: 'pending' });
  });

  it('markVerified defaults to done and records by whom', () => {
    expect(markVerified({ id: 'a', status: 'agent_done' }, { by: 'auto', note: 'verify passed', at })).toMatchObject({
      status: 'done',
      verified_at: '2026-11-24T10:20:30Z',
      verified_by: 'auto',
      verified_note: 'verify passed',
    });
    expect(markVerified({ id: 'a' }, { by: 'manual', status: 'deferred', at }).status).toBe('deferred');
  });
});
