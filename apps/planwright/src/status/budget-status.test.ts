import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captureIo } from '@planwright/cli-kit';
import { tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { main } from '../cli.js';

const plan = {
  goal: 'Health endpoint',
  tasks: [
    { id: 'task_001', title: 'Route', status: 'agent_done', budget: { tokens: 2000, usd: 0.5 }, usage: { input_tokens: 1200, output_tokens: 300, cost_usd: 0.12 }, duration_ms: 90_000 },
    { id: 'task_002', title: 'Probe', status: 'blocked', blocked_reason: 'budget (0.5 min of 0.5 min)', budget: { minutes: 0.5 }, duration_ms: 31_000 },
    { id: 'task_003', title: 'Docs', status: 'pending' },
  ],
};

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('planwright status: spend against budget', () => {
  it("shows the latest run's budget from meta.json and each task's own", async () => {
    const { repo, planDir } = await tempPlanRepo({ plan });
    const runDir = join(planDir, 'runs', '20261206-210000-1');
    await mkdir(runDir, { recursive: true });
    const budget = { limits: { tokens: 3700, usd: 0, minutes: 0 }, spent: { tokens: 3000, usd: 0.24, minutes: 3 }, held_by: 'budget: 3,000 tokens + 1,500 tokens estimated > 3,700 tokens', unpriced: [] };
    await writeFile(join(runDir, 'meta.json'), JSON.stringify({ run_dir: runDir, invocation_run_id: '20261206-210000-1-ab12', created_at: '2026-12-06T21:00:00Z', status: 'completed', budget }));
    const { code, stdout } = await run(['status', '--repo', repo, '--pr', 'pr-1']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.slice(-3)).toEqual([
      'run budget: 3,000 of 3,700 tokens · launches held (budget: 3,000 tokens + 1,500 tokens estimated > 3,700 tokens)',
      'budget task_001: 1,500 of 2,000 tokens, $0.12 of $0.50',
      'budget task_002: 0.5 of 0.5 min',
    ]);
    const json = JSON.parse((await run(['status', '--repo', repo, '--pr', 'pr-1', '--json'])).stdout);
    expect(json.budget.run).toMatchObject({ limits: { tokens: 3700 }, spent: { tokens: 3000 } });
    expect(json.budget.tasks.map((task: { id: string }) => task.id)).toEqual(['task_001', 'task_002']);
  });

  it('--watch shows the same budget lines', async () => {
    const { repo } = await tempPlanRepo({ plan });
    const { code, stdout } = await run(['status', '--repo', repo, '--pr', 'pr-1', '--watch']);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').slice(-2)).toEqual(['budget task_001: 1,500 of 2,000 tokens, $0.12 of $0.50', 'budget task_002: 0.5 of 0.5 min']);
  });

  it('says nothing of budgets when neither the run nor a task has one', async () => {
    const { repo } = await tempPlanRepo({ plan: { goal: 'g', tasks: [{ id: 'a', title: 'A', status: 'pending' }] } });
    const { stdout } = await run(['status', '--repo', repo, '--pr', 'pr-1']);
    expect(stdout).not.toContain('budget');
    expect(JSON.parse((await run(['status', '--repo', repo, '--pr', 'pr-1', '--json'])).stdout).budget).toEqual({ run: null, tasks: [] });
  });
});
