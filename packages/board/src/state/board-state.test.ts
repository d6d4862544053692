import { utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPlan, summarizePlan } from '@planwright/plan-schema';
import { tempPlanRepo, writeFiles } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { boardState } from './board-state.js';

const RUN = '20261201-100000-4242';
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, seconds));

async function repoWithRun() {
  const repo = await tempPlanRepo({
    plan: {
      goal: 'Ship it',
      created_at: at(0).toISOString(),
      tasks: [
        { id: 'a', status: 'done', verified_at: at(50).toISOString(), usage: { input_tokens: 100, output_tokens: 10, cost_usd: 0.5 }, duration_ms: 40_000 },
        { id: 'b', status: 'blocked', blocked_reason: 'timeout', depends_on: ['a'], domain: 'api' },
        { id: 'c', status: 'pending', depends_on: ['a'] },
      ],
    },
    files: { '.plans/pr-2/plan.json': '{ "tasks": [ ] ' },
  });
  const runDir = join(repo.planDir, 'runs', RUN);
  const meta = { run_dir: runDir, invocation_run_id: `${RUN}-ab12`, created_at: at(0).toISOString(), updated_at: at(60).toISOString(), status: 'timeout', tasks: { a: { status: 'completed', attempts: 2 }, b: { status: 'timeout' } } };
  await writeFiles(runDir, {
    'meta.json': JSON.stringify(meta),
    'control/agent_pids.json': JSON.stringify({ run_id: `${RUN}-ab12`, updated_at: at(0).toISOString(), agents: { a: { pid: 1, pgid: 1, started_at: at(1).toISOString(), agent: 'codex' } } }),
    'tasks/b.md': '# b\n',
    'results/a.json': JSON.stringify({ task_id: 'a', run_id: `${RUN}-ab12`, status: 'completed' }),
    'verify_a.log': '$ true\n[exit 0]\n',
    'agent_b.log': 'working\n',
  });
  await utimes(join(runDir, 'tasks/b.md'), at(30), at(30));
  await utimes(join(runDir, 'results/a.json'), at(20), at(20));
  await utimes(join(runDir, 'verify_a.log'), at(25), at(25));
  await utimes(join(runDir, 'agent_b.log'), at(55), at(55));
  return repo;
}

describe('boardState', () => {
  it('holds the same summary as `planwright status --json` (summarizePlan of the plan)', async () => {
    const repo = await repoWithRun();
    const state = await boardState({ repo: repo.repo, pr: 'pr-1', now: at(60).getTime() });
    expect(state.summary).toEqual(summarizePlan(await loadPlan(repo.planFile)));
    expect(state.summary.blocked).toEqual([{ id: 'b', reason: 'timeout' }]);
    expect(state.runs.map((run) => [run.name, run.status])).toEqual([[RUN, 'timeout']]);
  });

  it('draws the timeline from the run folder: agent span, verify apart, attempts, timeouts', async () => {
    const repo = await repoWithRun();
    const { timeline } = await boardState({ repo: repo.repo, pr: 'pr-1', now: at(60).getTime() });
    const a = timeline.find((bar) => bar.task_id === 'a')!;
    const b = timeline.find((bar) => bar.task_id === 'b')!;
    expect(a).toMatchObject({ run: RUN, start: at(1).getTime(), agent_end: at(20).getTime(), attempts: 2, outcome: 'completed', running: false });
    expect(a.verify!.end).toBe(at(25).getTime());
    expect(a.verify!.start).toBeGreaterThanOrEqual(a.agent_end);
    // No agent_pids entry: the brief's time is the start; no results: the log's last write is the end.
    expect(b).toMatchObject({ outcome: 'timeout', verify: null, agent_end: at(55).getTime(), running: false });
  });

  it('burns down from the plan creation to now, one step per task done', async () => {
    const repo = await repoWithRun();
    const { burn_down } = await boardState({ repo: repo.repo, pr: 'pr-1', now: at(60).getTime() });
    expect(burn_down).toEqual([
      { at: at(0).getTime(), remaining: 3 },
      { at: at(50).getTime(), remaining: 2 },
      { at: at(60).getTime(), remaining: 2 },
    ]);
  });

  it('lists every PR of the repository, one whose plan is unreadable too', async () => {
    const repo = await repoWithRun();
    const { prs } = await boardState({ repo: repo.repo, pr: 'pr-1' });
    expect(prs.map((pr) => [pr.pr, pr.counts, pr.runs.length])).toEqual([
      ['pr-1', '3 tasks: 1 pending, 1 done, 1 blocked', 1],
      ['pr-2', 'plan unreadable', 0],
    ]);
    expect(prs[1]!.problem).toMatch(/pr-2\/plan\.json/);
  });
});
