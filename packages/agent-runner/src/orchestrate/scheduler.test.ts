import { runnableTasks, type Task } from '@planwright/plan-schema';
import { describe, expect, it } from 'vitest';
import { clash } from './conflicts.js';
import type { TaskOutcome } from './options.js';
import { schedule } from './scheduler.js';

/** A small seeded generator, so a failing plan can be reproduced from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomPlan(seed: number): Task[] {
  const next = random(seed);
  const count = 3 + Math.floor(next() * 12);
  return Array.from({ length: count }, (_, i) => {
    const depends_on = Array.from({ length: i }, (_, j) => j).filter(() => next() < 0.25).map((j) => `t${String(j).padStart(2, '0')}`);
    const withDomain = next() < 0.7;
    const files = Array.from({ length: Math.floor(next() * 3) }, () => `src/${'abcde'[Math.floor(next() * 5)]}.ts`);
    return {
      id: `t${String(i).padStart(2, '0')}`,
      status: next() < 0.1 ? ('done' as const) : ('pending' as const),
      depends_on,
      ...(withDomain ? { domain: `d${Math.floor(next() * 3)}` } : {}),
      expected_files: files,
    };
  });
}

/** Runs the scheduler over an in-memory plan whose tasks take random times and end done (or blocked). */
async function simulate(seed: number, concurrency: number) {
  const tasks = randomPlan(seed);
  const next = random(seed * 7 + 1);
  const timeline: { id: string; start: number; end: number }[] = [];
  const running = new Set<string>();
  const violations: string[] = [];
  let clock = 0;
  const result = await schedule({
    concurrency,
    maxTasks: Number.POSITIVE_INFINITY,
    runnable: async () => runnableTasks({ tasks }),
    holdLaunches: () => false,
    launch: async (task) => {
      const entry = tasks.find((candidate) => candidate.id === task.id)!;
      for (const dep of entry.depends_on ?? []) {
        if (tasks.find((candidate) => candidate.id === dep)!.status !== 'done') violations.push(`${task.id} started before ${dep} was done`);
      }
      for (const other of running) if (clash(entry, tasks.find((candidate) => candidate.id === other)!)) violations.push(`${task.id} beside ${other}`);
      entry.status = 'in_progress';
      running.add(task.id);
      const start = clock++;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(next() * 4)));
      running.delete(task.id);
      entry.status = next() < 0.1 ? 'blocked' : 'done';
      timeline.push({ id: task.id, start, end: clock++ });
      return { taskId: task.id, status: entry.status === 'done' ? 'done' : 'blocked', fallback: false, exitCode: 0, durationMs: 0, resultsPath: '', logPath: '' } satisfies TaskOutcome;
    },
  });
  return { tasks, timeline, violations, result };
}

describe('schedule (property test over random plans)', () => {
  it.each([1, 2, 3, 5])('concurrency %i: every runnable task runs exactly once, after its dependencies, never beside a clashing task', async (concurrency) => {
    for (let seed = 1; seed <= 60; seed++) {
      const { tasks, timeline, violations } = await simulate(seed * 31 + concurrency, concurrency);
      expect(violations, `seed ${seed}`).toEqual([]);
      const runs = timeline.map((entry) => entry.id);
      expect(new Set(runs).size, `seed ${seed}: a task ran twice`).toBe(runs.length);
      // Nothing left that could still run: every pending task waits on a task that is not done.
      for (const task of tasks.filter((candidate) => candidate.status === 'pending')) {
        const waiting = (task.depends_on ?? []).some((dep) => tasks.find((candidate) => candidate.id === dep)!.status !== 'done');
        expect(waiting, `seed ${seed}: ${task.id} was runnable but never ran`).toBe(true);
      }
    }
  });

  it('refills a slot the moment a task ends', async () => {
    const order: string[] = [];
    const tasks: Task[] = [
      { id: 'a', status: 'pending', domain: 'x' },
      { id: 'b', status: 'pending', domain: 'y' },
      { id: 'c', status: 'pending', domain: 'z' },
    ];
    const durations: Record<string, number> = { a: 60, b: 5, c: 5 };
    await schedule({
      concurrency: 2,
      maxTasks: Number.POSITIVE_INFINITY,
      runnable: async () => runnableTasks({ tasks }),
      holdLaunches: () => false,
      launch: async (task) => {
        tasks.find((candidate) => candidate.id === task.id)!.status = 'in_progress';
        order.push(`start ${task.id}`);
        await new Promise((resolve) => setTimeout(resolve, durations[task.id]));
        tasks.find((candidate) => candidate.id === task.id)!.status = 'done';
        order.push(`end ${task.id}`);
        return { taskId: task.id, status: 'done', fallback: false, exitCode: 0, durationMs: 0, resultsPath: '', logPath: '' };
      },
    });
    expect(order).toEqual(['start a', 'start b', 'end b', 'start c', 'end c', 'end a']);
  });

  it('holds new launches when asked (control/stop), letting running tasks finish', async () => {
    const tasks: Task[] = [{ id: 'a', status: 'pending', domain: 'x' }, { id: 'b', status: 'pending', domain: 'y' }];
    let hold = false;
    const result = await schedule({
      concurrency: 1,
      maxTasks: Number.POSITIVE_INFINITY,
      runnable: async () => runnableTasks({ tasks }),
      holdLaunches: () => hold,
      launch: async (task) => {
        tasks.find((candidate) => candidate.id === task.id)!.status = 'done';
        hold = true;
        return { taskId: task.id, status: 'done', fallback: false, exitCode: 0, durationMs: 0, resultsPath: '', logPath: '' };
      },
    });
    expect(result.outcomes.map((outcome) => outcome.taskId)).toEqual(['a']);
    expect(result.held).toBe(true);
  });

  it('a task that throws stops the launches, asks the running ones to end, waits for them, then throws', async () => {
    const tasks: Task[] = ['a', 'b', 'c'].map((id, index) => ({ id, status: 'pending', domain: `d${index}` }));
    const events: string[] = [];
    const stop = new AbortController();
    const running = schedule({
      concurrency: 2,
      maxTasks: Number.POSITIVE_INFINITY,
      runnable: async () => runnableTasks({ tasks }),
      holdLaunches: () => false,
      onError: (error) => {
        events.push(`onError ${(error as Error).message}`);
        stop.abort();
      },
      launch: async (task) => {
        tasks.find((candidate) => candidate.id === task.id)!.status = 'in_progress';
        events.push(`start ${task.id}`);
        if (task.id === 'a') throw new Error('disk full');
        // b runs until told to end, as a supervised agent does on an interrupt.
        await new Promise((resolve) => stop.signal.addEventListener('abort', resolve, { once: true }));
        events.push(`end ${task.id}`);
        return { taskId: task.id, status: 'blocked', blockedReason: 'interrupted', fallback: false, exitCode: null, durationMs: 0, resultsPath: '', logPath: '' };
      },
    });
    await expect(running).rejects.toThrow('disk full');
    expect(events).toEqual(['start a', 'start b', 'onError disk full', 'end b']);
  });

  it('a plan that can no longer be read (a hand edit broke it) is handled the same way', async () => {
    const stop = new AbortController();
    let reads = 0;
    const running = schedule({
      concurrency: 2,
      maxTasks: Number.POSITIVE_INFINITY,
      runnable: async () => {
        // Read again when a finishes: by then a hand edit has broken the plan.
        if (++reads > 1) throw new Error('plan.json: tasks[0].status: unknown status "finished"');
        return [{ id: 'a', status: 'pending', domain: 'x' }, { id: 'b', status: 'pending', domain: 'y' }];
      },
      holdLaunches: () => false,
      onError: () => stop.abort(),
      launch: async (task) => {
        // b ends only when told to: the broken plan must not leave it running.
        if (task.id === 'b') await new Promise((resolve) => stop.signal.addEventListener('abort', resolve, { once: true }));
        return { taskId: task.id, status: 'agent_done', fallback: false, exitCode: 0, durationMs: 0, resultsPath: '', logPath: '' };
      },
    });
    await expect(running).rejects.toThrow('unknown status "finished"');
    expect(stop.signal.aborted).toBe(true);
  });
});

describe('clash', () => {
  it.each([
    [{ domain: 'api' }, { domain: 'api' }, true],
    [{ domain: 'api' }, { domain: 'docs' }, false],
    [{ expected_files: ['src/a.ts'] }, { expected_files: ['src/b.ts'] }, false],
    [{ expected_files: ['src/a.ts'] }, { expected_files: ['./src/a.ts'] }, true],
    [{ expected_files: ['src'] }, { expected_files: ['src/b.ts'] }, true],
    [{ expected_files: ['src/a.ts'] }, { expected_files: [] }, true],
    [{ domain: 'api', expected_files: ['a'] }, { expected_files: ['b'] }, false],
    [{ domain: 'api' }, { expected_files: ['b'] }, true],
  ])('%j and %j: %s', (a, b, expected) => {
    expect(clash(a, b)).toBe(expected);
    expect(clash(b, a)).toBe(expected);
  });
});

describe('schedule with adopted tasks (jobs an earlier coordinator sent)', () => {
  it('counts an adopted task as running: it holds a slot and its domain, and its outcome is reported', async () => {
    const outcome = (taskId: string): TaskOutcome => ({ taskId, status: 'done', fallback: false, exitCode: 0, durationMs: 0, resultsPath: '', logPath: '' });
    const tasks: Task[] = [{ id: 'p1', status: 'pending', domain: 'api' }, { id: 'q1', status: 'pending', domain: 'docs' }];
    const order: string[] = [];
    let finishAdopted!: () => void;
    const adopted = new Promise<TaskOutcome>((resolve) => (finishAdopted = () => resolve(outcome('r1'))));
    const result = await schedule({
      concurrency: 2,
      maxTasks: Number.POSITIVE_INFINITY,
      runnable: async () => runnableTasks({ tasks }),
      holdLaunches: () => false,
      adopted: [{ task: { id: 'r1', status: 'in_progress', domain: 'api' }, outcome: adopted }],
      launch: async (task) => {
        order.push(`start ${task.id}`);
        tasks.find((entry) => entry.id === task.id)!.status = 'done';
        if (task.id === 'q1') setTimeout(finishAdopted, 50);
        return outcome(task.id);
      },
    });
    // q1 (another domain) took the one free slot; p1 shares r1's domain and waited for it.
    expect(order).toEqual(['start q1', 'start p1']);
    expect(result.outcomes.map((entry) => entry.taskId)).toEqual(['q1', 'r1', 'p1']);
  });
});

describe('schedule, tasks that end together', () => {
  it('reads the plan again once for every task that ended by then, not once per task', async () => {
    const tasks: Task[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, status: 'pending', domain: id }));
    let reads = 0;
    let release = () => {};
    const together = new Promise<void>((resolve) => (release = resolve));
    // Released once the four are launched (the scheduler launches them after its first read).
    setTimeout(() => release(), 50);
    const result = await schedule({
      concurrency: 4,
      maxTasks: Number.POSITIVE_INFINITY,
      runnable: async () => {
        reads += 1;
        return runnableTasks({ tasks });
      },
      holdLaunches: () => false,
      launch: async (task) => {
        task.status = 'in_progress';
        // Four tasks recorded in one batch: they end at the same moment.
        await together;
        task.status = 'done';
        return { taskId: task.id, status: 'done', fallback: false, exitCode: 0, durationMs: 0, resultsPath: '', logPath: '' } satisfies TaskOutcome;
      },
    });
    expect(result.outcomes.map((outcome) => outcome.taskId).sort()).toEqual(['a', 'b', 'c', 'd']);
    // One read to launch the four, one after they all ended.
    expect(reads).toBe(2);
  });
});
