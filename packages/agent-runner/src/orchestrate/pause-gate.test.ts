import type { Task } from '@planwright/plan-schema';
import { describe, expect, it } from 'vitest';
import type { TaskOutcome } from './options.js';
import { createPauseGate } from './pause-gate.js';
import { schedule } from './scheduler.js';

const task = (id: string, agent: string): Task => ({ id, status: 'pending', domain: id, agent });
const outcome = (id: string): TaskOutcome => ({ taskId: id, status: 'agent_done', fallback: false, exitCode: 0, durationMs: 0, resultsPath: '', logPath: '' });

describe('the scheduler with usage-limit pauses', () => {
  it("starts no task of a paused agent before the reset, another agent's at once, and a waiting task holds no slot", async () => {
    const gate = createPauseGate();
    const plan = [task('a1', 'codex'), task('a2', 'codex'), task('b1', 'claude')];
    const log: string[] = [];
    const at = Date.now();
    await schedule({
      concurrency: 1,
      maxTasks: Infinity,
      runnable: async () => plan.filter((entry) => !log.includes(`end ${entry.id}`)),
      holdLaunches: () => false,
      notBefore: (entry) => gate.pausedUntil(entry.agent!),
      waiting: () => gate.waitingTasks(),
      changed: () => gate.changed(),
      launch: async (entry) => {
        log.push(`start ${entry.id} +${Math.round((Date.now() - at) / 100) / 10}s`.replace(/ \+0s$/, ''));
        if (entry.id === 'a1') {
          // a1 hits codex's limit: 0.6 s to the reset, waited out without a slot.
          gate.pause('codex', 'a1', new Date(Date.now() + 600));
          await new Promise((resolve) => setTimeout(resolve, 650));
          gate.release('a1');
        }
        log.push(`end ${entry.id}`);
        return outcome(entry.id);
      },
    });
    const starts = log.filter((line) => line.startsWith('start')).map((line) => line.split(' ')[1]);
    expect(starts).toEqual(['a1', 'b1', 'a2']);
    const a2 = log.find((line) => line.startsWith('start a2'))!;
    expect(Number(/\+([\d.]+)s/.exec(a2)?.[1] ?? 0)).toBeGreaterThanOrEqual(0.6);
  });
});
