import type { Task } from '@planwright/plan-schema';
import { describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture } from '../../test/fixture.js';
import { clash } from './conflicts.js';
import type { OrchestratorEvent } from './options.js';

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A random plan: dependencies on earlier tasks, domains or file lists, every task verifiable. */
function randomPlan(seed: number): Task[] {
  const next = random(seed);
  return Array.from({ length: 6 + Math.floor(next() * 4) }, (_, i) => ({
    ...fakeTask(`t${i}`),
    verify: ['true'],
    depends_on: Array.from({ length: i }, (_, j) => `t${j}`).filter(() => next() < 0.3),
    ...(next() < 0.7 ? { domain: `d${Math.floor(next() * 3)}` } : { expected_files: [`src/f${Math.floor(next() * 4)}.ts`] }),
  }));
}

describe('the orchestrator over random plans (fake agent, concurrency 3, auto-verify)', { timeout: 120_000 }, () => {
  it.each([11, 23, 37])('seed %i: each task runs exactly once, after its dependencies are done, never beside a clashing task', async (seed) => {
    const tasks = randomPlan(seed);
    const fixture = await orchestratorFixture(tasks);
    const events: { at: number; event: OrchestratorEvent }[] = [];
    let clock = 0;
    const { result } = await fixture.run({ concurrency: 3, autoVerify: true, onEvent: (event) => events.push({ at: clock++, event }) });
    expect(result.exitCode).toBe(0);
    const started = events.filter(({ event }) => event.type === 'task-started').map(({ at, event }) => ({ at, id: (event as { taskId: string }).taskId }));
    const finished = new Map(events.filter(({ event }) => event.type === 'task-finished').map(({ at, event }) => [(event as { outcome: { taskId: string } }).outcome.taskId, at]));
    expect(started.map((entry) => entry.id).sort()).toEqual(tasks.map((task) => task.id).sort());
    for (const { at, id } of started) {
      const task = tasks.find((candidate) => candidate.id === id)!;
      for (const dep of task.depends_on ?? []) expect(finished.get(dep)!, `${id} before ${dep}`).toBeLessThan(at);
      for (const other of started) {
        if (other.id === id || !clash(task, tasks.find((candidate) => candidate.id === other.id)!)) continue;
        const overlap = other.at < finished.get(id)! && at < finished.get(other.id)!;
        expect(overlap, `${id} beside ${other.id}`).toBe(false);
      }
    }
    for (const task of tasks) expect((await fixture.task(task.id)).status).toBe('done');
  });
});
