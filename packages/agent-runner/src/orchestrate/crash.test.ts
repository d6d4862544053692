import { existsSync, readFileSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadPlan } from '@planwright/plan-schema';
import { isProcessAlive, readAgentProcesses, readMeta, syncPlan, terminateProcessGroup } from '@planwright/run-store';
import { execa, type ResultPromise } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { codexOrchestrateBin, fakeTask, orchestratorFixture, survivors, type Fixture } from '../../test/fixture.js';

beforeAll(() => {
  if (!existsSync(codexOrchestrateBin)) throw new Error(`${codexOrchestrateBin} is missing: run "pnpm build" before these tests`);
});

/** The orchestrator as its own process (the built codex-orchestrate), so it can be killed. */
function startOrchestrator(fixture: Fixture, extra: string[] = []): ResultPromise {
  return execa('node', [codexOrchestrateBin, '--plan-dir', fixture.planDir, '--code-dir', fixture.repo, '--compact-run', '--heartbeat-interval-seconds', '0', '--timeout-grace-seconds', '1', ...extra], {
    env: fixture.env,
    reject: false,
  });
}

/** Waits (bounded, not asserted) until the task's agent is running; returns the run folder and agent. */
async function agentRunning(fixture: Fixture, taskId: string): Promise<{ runDir: string; pid: number; pgid: number }> {
  for (let i = 0; i < 400; i++) {
    const task = await fixture.task(taskId);
    if (task.status === 'in_progress' && task.run_dir) {
      const agent = (await readAgentProcesses(task.run_dir).catch(() => ({})) as Record<string, { pid: number; pgid?: number | null }>)[taskId];
      if (agent && isProcessAlive(agent.pid)) return { runDir: task.run_dir, pid: agent.pid, pgid: agent.pgid ?? agent.pid };
    }
    await sleep(50);
  }
  throw new Error('the agent never started');
}

async function gone(pid: number): Promise<void> {
  for (let i = 0; i < 400 && isProcessAlive(pid); i++) await sleep(50);
}

describe('orchestrator crash and interrupt', () => {
  it('kill -9 mid-task, the agent lives on and delivers: the next start picks up its results and runs nothing twice', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'slow 2'), fakeTask('task_002')]);
    const orchestrator = startOrchestrator(fixture);
    const agent = await agentRunning(fixture, 'task_001');
    orchestrator.kill('SIGKILL');
    await orchestrator;
    expect(isProcessAlive(agent.pid)).toBe(true); // detached: the agent survives its orchestrator
    await gone(agent.pid);
    const { result, events } = await fixture.run({ maxTasks: 5 });
    expect(events).toContainEqual(expect.objectContaining({ type: 'reconciled', taskId: 'task_001', from: 'in_progress', to: 'agent_done' }));
    expect((await fixture.task('task_001')).status).toBe('agent_done');
    expect(result.outcomes.map((outcome) => outcome.taskId)).toEqual(['task_002']);
    const runs = (await fixture.invocations()).map((call) => /executing (\S+)\./.exec(call.prompt)?.[1]);
    expect(runs).toEqual(['task_001', 'task_002']);
  });

  it('kill -9 mid-task with the agent dead too: the next start blocks the task as interrupted, not re-run', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'hang')]);
    const orchestrator = startOrchestrator(fixture);
    const agent = await agentRunning(fixture, 'task_001');
    orchestrator.kill('SIGKILL');
    await orchestrator;
    await terminateProcessGroup(agent.pgid, { graceMs: 500 });
    const { result, events } = await fixture.run();
    expect(events).toContainEqual(expect.objectContaining({ type: 'reconciled', taskId: 'task_001', to: 'blocked', reason: 'interrupted' }));
    expect(await fixture.task('task_001')).toMatchObject({ status: 'blocked', blocked_reason: 'interrupted', attempts: 1 });
    expect(result.outcomes).toEqual([]);
  });

  it('SIGINT ends our agents (grandchildren too), records stopped and leaves the plan consistent', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'hang'), fakeTask('task_002')]);
    const orchestrator = startOrchestrator(fixture, ['--max-tasks', '2']);
    const agent = await agentRunning(fixture, 'task_001');
    orchestrator.kill('SIGINT');
    const { exitCode } = await orchestrator;
    expect(exitCode).toBe(130);
    expect(await survivors(agent.runDir)).toEqual([]);
    expect((await readMeta(agent.runDir))?.status).toBe('stopped');
    const plan = await loadPlan(fixture.planFile); // valid
    expect(plan.tasks.map((task) => [task.id, task.status, task.blocked_reason ?? null])).toEqual([
      ['task_001', 'blocked', 'interrupted'],
      ['task_002', 'pending', null],
    ]);
  });

  it('--no-wait returns at once; the agent keeps running in the background and sync picks up its results', async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'slow 1')]);
    const { result, events } = await fixture.run({ noWait: true });
    expect(result.exitCode).toBe(0);
    expect(events.find((event) => event.type === 'task-started')).toMatchObject({ noWait: true });
    const agents = await readAgentProcesses(result.runDir!);
    expect(isProcessAlive(agents.task_001!.pid)).toBe(true);
    expect((await fixture.task('task_001')).status).toBe('in_progress');
    expect((await readMeta(result.runDir!))?.status).toBe('running_background');
    await gone(agents.task_001!.pid);
    const report = await syncPlan({ plan: fixture.planFile, cwd: fixture.repo });
    expect(report.changes).toMatchObject([{ task_id: 'task_001', to: 'agent_done' }]);
  });

  it("keeps the orchestrator's memory flat while an agent writes a 300 MB log", async () => {
    const fixture = await orchestratorFixture([fakeTask('task_001', 'huge-output 300')]);
    const orchestrator = startOrchestrator(fixture);
    let peakKb = 0;
    while (orchestrator.exitCode === null && isProcessAlive(orchestrator.pid!)) {
      const status = (() => {
        try {
          return readFileSync(`/proc/${orchestrator.pid}/status`, 'utf8');
        } catch {
          return '';
        }
      })();
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      await sleep(100);
    }
    const { exitCode } = await orchestrator;
    expect(exitCode).toBe(0);
    const task = await fixture.task('task_001');
    expect(task.status).toBe('agent_done');
    expect(statSync(`${task.run_dir}/agent_task_001.log`).size).toBeGreaterThan(300 * 1024 * 1024);
    // The log went straight to disk; the orchestrator only ever held a chunk and a line of it.
    expect(peakKb).toBeGreaterThan(0);
    expect(peakKb).toBeLessThan(200 * 1024);
  }, 120_000);
});
