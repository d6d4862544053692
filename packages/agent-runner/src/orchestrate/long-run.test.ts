import { describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture } from '../../test/fixture.js';

describe('orchestrate: a long run', () => {
  it('leaves no abort listener behind per task (no MaxListenersExceededWarning over 12 tasks)', async () => {
    const fixture = await orchestratorFixture(Array.from({ length: 12 }, (_, index) => fakeTask(`task_${String(index + 1).padStart(3, '0')}`)));
    const warnings: string[] = [];
    const onWarning = (warning: Error) => void warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      // The run's signal lives as long as the run: each task's supervision must take its listener back.
      const { result } = await fixture.run({ maxTasks: 12, signal: new AbortController().signal });
      expect(result.exitCode).toBe(0);
    } finally {
      process.off('warning', onWarning);
    }
    expect((await fixture.task('task_012')).status).toBe('agent_done');
    expect(warnings.filter((warning) => warning.startsWith('MaxListenersExceededWarning'))).toEqual([]);
  }, 60_000);
});
