import { loadPlan, summarizePlan } from '@planwright/plan-schema';
import { describe, expect, it } from 'vitest';
import { at, repoWithRun, RUN } from '../../test/run-folders.js';
import { boardState } from './board-state.js';

describe('boardState', () => {
  it('holds the same summary as `planwright status --json` (summarizePlan of the plan)', async () => {
    const repo = await repoWithRun();
    const state = await boardState({ repo: repo.repo, pr: 'pr-1', now: at(60).getTime() });
    expect(state.summary).toEqual(summarizePlan(await loadPlan(repo.planFile)));
    expect(state.summary.blocked).toEqual([{ id: 'b', reason: 'timeout' }]);
    expect(state.runs.map((run) => [run.name, run.status])).toEqual([[RUN, 'timeout']]);
    expect(state.heartbeat).toMatchObject({ task_id: 'b', waiting_for: 'agent' });
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
