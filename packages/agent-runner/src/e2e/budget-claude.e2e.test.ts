import { agentCliPath, followBriefClaude, prepareClaudeHome, startClaudeServer, type ClaudeServer } from '@planwright/test-utils';
import { readMeta } from '@planwright/run-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture, type Fixture } from '../../test/fixture.js';
import { claudeAdapter } from '../adapters/claude/claude-adapter.js';
import { orchestrate } from '../orchestrate/orchestrate.js';

// The real claude-code against the scripted Messages API: the run budget in dollars counts the cost
// Claude Code reports itself (no [prices] in the config), and stops launching before it would be passed.
describe('a run budget in dollars with the real Claude Code CLI', { timeout: 120_000 }, () => {
  let server: ClaudeServer;
  beforeAll(async () => {
    server = await startClaudeServer();
  });
  afterAll(() => server.close());

  it("stops launching once the reported cost plus the mean task's would pass --budget-usd", async () => {
    server.setScript(followBriefClaude());
    const { env } = await prepareClaudeHome({ server });
    const realClaude = async (ids: string[]) => {
      const fixture = await orchestratorFixture(ids.map((id) => fakeTask(id)));
      Object.assign(fixture.env, env, { CLAUDE_BIN: agentCliPath('claude'), IS_SANDBOX: undefined, CLAUDE_CODE_MAX_RETRIES: undefined });
      return fixture;
    };
    const run = (fixture: Fixture, budgetUsd: number) =>
      orchestrate({ planDir: fixture.planDir, codeDir: fixture.repo, compactRun: true, heartbeatIntervalSeconds: 0, timeoutGraceSeconds: 1, resultsGraceSeconds: 5, env: fixture.env, model: 'claude-sonnet-4-5', maxTasks: 5, budgetUsd }, claudeAdapter());

    // One task tells what a task costs here; the budget is then set between one task and two.
    const probe = await realClaude(['task_001']);
    const first = await run(probe, 1);
    expect(first.outcomes.map((outcome) => outcome.status)).toEqual(['agent_done']);
    const cost = (await probe.task('task_001')).usage?.cost_usd;
    expect(cost).toBeGreaterThan(0);
    expect((await readMeta(first.runDir!))?.budget).toMatchObject({ held_by: null, unpriced: [] });

    const fixture = await realClaude(['task_001', 'task_002', 'task_003']);
    const second = await run(fixture, cost! * 1.5);
    expect(second.outcomes.map((outcome) => outcome.taskId)).toEqual(['task_001']);
    expect((await fixture.task('task_002')).status).toBe('pending');
    const budget = (await readMeta(second.runDir!))?.budget as { spent: { usd: number }; held_by: string };
    expect(budget.spent.usd).toBeCloseTo(cost!, 10);
    expect(budget.held_by).toMatch(/^budget: \$/);
    expect(second.stoppedBecause?.reason).toBe('budget');
  });
});
