import { readdir } from 'node:fs/promises';
import { readMeta } from '@planwright/run-store';
import { tempDir } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture, survivors } from '../../test/fixture.js';

// The fake codex reports 1,200 input and 300 output tokens per turn (test-utils' TURN_USAGE): 1,500 a task.
describe('orchestrate: budgets', () => {
  it('stops launching once the next task would pass the run budget (spend + the mean of finished tasks)', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001'), fakeTask('task_002'), fakeTask('task_003')]);
    // A command notifier that leaves one file per event: <dir>/<event>.
    const told = await tempDir();
    const { result, events } = await fixture.run({ maxTasks: 10, budgetTokens: 3700, notify: [`command:touch ${told}/{event}`] });
    // 1,500 + 1,500 estimated fits in 3,700; 3,000 + 1,500 does not.
    expect(result.outcomes.map((outcome) => outcome.taskId)).toEqual(['task_001', 'task_002']);
    expect(result.exitCode).toBe(0);
    expect((await fixture.task('task_003')).status).toBe('pending');
    const meta = await readMeta(result.runDir!);
    expect(meta?.budget).toMatchObject({ limits: { tokens: 3700 }, spent: { tokens: 3000 }, held_by: 'budget: 3,000 tokens + 1,500 tokens estimated > 3,700 tokens' });
    const warnings = events.flatMap((event) => (event.type === 'warning' ? [event.message] : []));
    expect(warnings).toContain('run budget 80% spent: 3,000 tokens of 3,700 tokens');
    expect(warnings.some((message) => message.endsWith('no more tasks are launched'))).toBe(true);
    expect(result.stoppedBecause).toEqual({ reason: 'budget', detail: '3,000 tokens + 1,500 tokens estimated > 3,700 tokens' });
    expect((await readdir(told)).sort()).toEqual(['budget_80', 'run_finished']);
  });

  it('runs every task when the budget holds them all, and records the spend', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001'), fakeTask('task_002')]);
    const { result } = await fixture.run({ maxTasks: 10, budgetTokens: 100_000 });
    expect(result.outcomes).toHaveLength(2);
    expect((await readMeta(result.runDir!))?.budget).toMatchObject({ spent: { tokens: 3000 }, held_by: null });
  });

  it('ends a task that passes its own minutes budget like a timeout: blocked (budget), its group gone', async () => {
    const fixture = await orchestratorFixture([{ ...fakeTask('task_001', 'hang'), budget: { minutes: 0.02 } }]);
    const { result } = await fixture.run();
    expect(result.exitCode).toBe(1);
    const task = await fixture.task('task_001');
    expect(task.status).toBe('blocked');
    expect(task.blocked_reason).toMatch(/^budget \(0\.0\d min of 0\.02 min\)$/);
    expect(await survivors(result.runDir!)).toEqual([]);
  });

  it('does not follow up a task already past its tokens budget', async () => {
    const fixture = await orchestratorFixture([{ ...fakeTask('task_001'), verify: ['false'], budget: { tokens: 1000 } }]);
    const { result } = await fixture.run({ autoVerify: true, retries: 2 });
    const task = await fixture.task('task_001');
    expect(task.status).toBe('blocked');
    expect(task.blocked_reason).toBe('budget (1,500 tokens of 1,000 tokens)');
    expect(result.outcomes[0]?.blockedReason).toBe(task.blocked_reason);
  });
});
