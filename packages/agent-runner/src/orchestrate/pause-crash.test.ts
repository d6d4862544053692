import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { codexOrchestrateBin, fakeTask, orchestratorFixture } from '../../test/fixture.js';

beforeAll(() => {
  if (!existsSync(codexOrchestrateBin)) throw new Error(`${codexOrchestrateBin} is missing: run "pnpm build" before these tests`);
});

describe('a usage-limit pause survives the orchestrator', () => {
  it('kill -9 during the pause: the task stays paused with its session, and the next start resumes it', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'usage-limit 3')]);
    // The built codex-orchestrate as its own process, so it can be killed.
    const orchestrator = execa('node', [codexOrchestrateBin, '--plan-dir', fixture.planDir, '--code-dir', fixture.repo, '--compact-run', '--heartbeat-interval-seconds', '0'], { env: fixture.env, reject: false });
    let paused = await fixture.task('task_001');
    for (let i = 0; i < 400 && paused.status !== 'paused'; i++) {
      await sleep(50);
      paused = await fixture.task('task_001');
    }
    expect(paused).toMatchObject({ status: 'paused', thread_id: expect.stringMatching(/^fake-/) });
    orchestrator.kill('SIGKILL');
    await orchestrator;
    const { result, events } = await fixture.run();
    expect(result.exitCode).toBe(0);
    expect(events.some((event) => event.type === 'reconciled')).toBe(false); // sync left the pause alone
    expect(events.flatMap((event) => (event.type === 'task-started' ? [event.resumed] : []))).toEqual([true]);
    expect(await fixture.task('task_001')).toMatchObject({ status: 'agent_done', thread_id: paused.thread_id });
  });
});
