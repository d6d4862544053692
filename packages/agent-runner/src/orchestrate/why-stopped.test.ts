import type { Plan } from '@planwright/plan-schema';
import { describeStop } from '@planwright/run-store';
import { describe, expect, it } from 'vitest';
import type { TaskOutcome } from './options.js';
import { whyStopped, type WhyStoppedInput } from './why-stopped.js';

const outcome = (taskId: string, status: TaskOutcome['status'], blockedReason?: string): TaskOutcome => ({ taskId, status, blockedReason, fallback: false, exitCode: 0, durationMs: 1, resultsPath: '', logPath: '' });
const plan = (tasks: Record<string, unknown>[] = []) => ({ goal: 'g', tasks }) as unknown as Plan;
const base: WhyStoppedInput = { outcomes: [], plan: plan(), runId: 'r-1', interrupted: false, stopRequested: false, noWait: false, runnableLeft: 0 };

describe('why a run stopped', () => {
  it.each<[string, Partial<WhyStoppedInput>, string]>([
    ['every task ran', { outcomes: [outcome('task_001', 'agent_done')] }, 'done'],
    ['a task blocked', { outcomes: [outcome('task_001', 'done'), outcome('task_002', 'blocked', 'verify_failed')] }, 'blocked: task_002 (verify_failed)'],
    ['a timeout', { outcomes: [outcome('task_001', 'blocked', 'timeout')] }, 'timeout: task_001'],
    ['a task of this run paused', { plan: plan([{ id: 'task_003', status: 'paused', last_run_id: 'r-1', paused_until: '2026-12-07T02:00:00Z' }, { id: 'task_004', status: 'paused', last_run_id: 'r-1', paused_until: '2026-12-07T01:00:00Z' }]) }, 'paused until 2026-12-07T01:00:00Z (task_003, task_004)'],
    ['the budget held launches', { halted: { reason: 'budget', detail: 'usd: 4.10 + 1.20 > 5' }, outcomes: [outcome('task_001', 'blocked', 'x')] }, 'budget (usd: 4.10 + 1.20 > 5)'],
    ['--max-tasks reached', { runnableLeft: 2 }, 'max tasks reached (2 runnable left)'],
    ['control/stop', { stopRequested: true, halted: { reason: 'budget' } }, 'stopped (control/stop)'],
    ['SIGINT', { interrupted: true, stopRequested: true }, 'interrupted (SIGINT/SIGTERM)'],
  ])('%s', (_name, input, said) => {
    expect(describeStop(whyStopped({ ...base, ...input }))).toBe(said);
  });

  it("does not blame this run for a task another run left paused", () => {
    expect(whyStopped({ ...base, plan: plan([{ id: 'task_003', status: 'paused', last_run_id: 'r-0' }]) })).toEqual({ reason: 'done' });
  });
});
