import { describe, expect, it } from 'vitest';
import type { OrchestratorEvent } from '../options.js';
import type { ResolvedRun } from '../prepare-run.js';
import { placementWriter } from './run-remote-task.js';

describe('placementWriter', () => {
  it('says and writes each placement once, however often it is told (an adopted job is told twice)', async () => {
    const writes: string[] = [];
    const run = { runId: 'r1', writeTask: async (taskId: string) => void writes.push(taskId) } as unknown as ResolvedRun;
    const events: OrchestratorEvent[] = [];
    const placing = placementWriter(run, 't1', (event) => events.push(event));
    placing.placed({ host: 'h', worker: 'w1', attempt: 1 });
    placing.placed({ host: 'h', worker: 'w1', attempt: 1 });
    placing.placed({ host: 'h2', worker: 'w2', attempt: 2 });
    await placing.settled();
    expect(events.map((event) => event.type === 'placed' && `${event.worker} ${event.attempt}`)).toEqual(['w1 1', 'w2 2']);
    expect(writes).toEqual(['t1', 't1']);
  });
});
