import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadPlan, type Task } from '@planwright/plan-schema';
import { syncPlan } from '@planwright/run-store';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture, type Fixture } from '../../test/fixture.js';
import { assertBuilt, canMount, orphansAfter, planContent, runDirsOf, startOrchestrator, withTmpfs } from './reliability-kit.js';

// Reliability suite: a run root that cannot be written (a path through a file, a read-only file system),
// a disk that fills up mid-run, a run folder deleted mid-run. Each ends with one clear error line and
// exit 1, a valid plan with nothing lost, no task left in_progress, and no process left behind.
// The file systems are real tmpfs mounts (the tests run as root); where mounting is not allowed, those
// cases are skipped and the path-through-a-file case still runs.

beforeAll(assertBuilt);

const task = (id: string, domain: string, ...directives: string[]): Task => ({ ...fakeTask(id, ...directives), domain, x_notes: `kept: ${id}` });

/** One task that works a while, one that hangs until ended, one that never gets its turn. */
const threeTasks = () => [task('t1', 'a', 'slow 3'), task('t2', 'b', 'hang'), task('t3', 'c')];

async function fixtureWith(tasks: Task[]) {
  const fixture = await orchestratorFixture(tasks);
  await writeFile(fixture.planFile, `${JSON.stringify({ goal: 'Ship it', x_owner: 'planner', tasks }, null, 2)}\n`);
  return { fixture, before: await readFile(fixture.planFile, 'utf8') };
}

/** The run folder once both agents are at work (their logs show their first message). */
async function agentsAtWork(fixture: Fixture, ids: string[]): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const plan = await loadPlan(fixture.planFile);
    const runDir = plan.tasks.find((entry) => entry.id === ids[0])?.run_dir;
    if (runDir) {
      const logs = await Promise.all(ids.map((id) => readFile(join(runDir, `agent_${id}.log`), 'utf8').catch(() => '')));
      if (logs.every((log) => log.includes('Working on'))) return runDir;
    }
    await sleep(50);
  }
  throw new Error(`the agents of ${ids.join(', ')} never got to work`);
}

/** What every case ends with: exit 1, exactly one stderr line, the plan valid with its content kept. */
async function expectCleanFailure(fixture: Fixture, before: string, run: { exitCode?: number; stderr: string }, line: RegExp) {
  expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
  expect(run.stderr.trim()).toMatch(line);
  expect(run.exitCode).toBe(1);
  const plan = await loadPlan(fixture.planFile);
  expect(planContent(plan)).toEqual(planContent(JSON.parse(before)));
  expect(plan.tasks.filter((entry) => entry.status === 'in_progress').map((entry) => entry.id)).toEqual([]);
  return plan;
}

const statusOf = (plan: { tasks: Task[] }) => Object.fromEntries(plan.tasks.map((entry) => [entry.id, entry.status]));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('reliability: a run root that cannot be written', () => {
  it('a run root through a regular file (ENOTDIR): one line naming the folder, exit 1, plan untouched, nothing started', async () => {
    const { fixture, before } = await fixtureWith(threeTasks());
    const runRoot = join(fixture.repo, 'README.md', 'runs');
    const run = await startOrchestrator(fixture, ['--run-root', runRoot]);
    await expectCleanFailure(fixture, before, run, new RegExp(`^codex-orchestrate: cannot create the runs folder ${escape(runRoot)}/pr-1: ENOTDIR \\(a part of the path is a file`));
    expect(await readFile(fixture.planFile, 'utf8')).toBe(before);
    expect(await fixture.invocations()).toEqual([]);
  });

  it.skipIf(!canMount)('a read-only file system (tmpfs mounted ro): EROFS named, exit 1, plan untouched, nothing started', async () => {
    const { fixture, before } = await fixtureWith(threeTasks());
    await withTmpfs('ro,size=64k', async (runRoot) => {
      const run = await startOrchestrator(fixture, ['--run-root', runRoot]);
      await expectCleanFailure(
        fixture,
        before,
        run,
        new RegExp(`^codex-orchestrate: cannot create the runs folder ${escape(runRoot)}/pr-1: EROFS \\(read-only file system: choose a --run-root on a writable disk\\)$`),
      );
    });
    expect(await readFile(fixture.planFile, 'utf8')).toBe(before);
    expect(await fixture.invocations()).toEqual([]);
  });
});

describe('reliability: the run root fails mid-run', () => {
  it.skipIf(!canMount)('a full disk (64 KiB tmpfs filled while two agents work): ENOSPC named, both agents ended, tasks blocked, the rest kept', async () => {
    const { fixture, before } = await fixtureWith(threeTasks());
    await withTmpfs('size=64k', async (runRoot) => {
      const orchestrator = startOrchestrator(fixture, ['--run-root', runRoot, '--concurrency', '2', '--max-tasks', '2']);
      const runDir = await agentsAtWork(fixture, ['t1', 't2']);
      // Fill what is left: the agents' next lines, their results and the orchestrator's files all fail.
      await writeFile(join(runRoot, 'filler'), Buffer.alloc(128 * 1024)).catch((error: NodeJS.ErrnoException) => expect(error.code).toBe('ENOSPC'));
      const run = await orchestrator;
      const plan = await expectCleanFailure(fixture, before, run, new RegExp(`^codex-orchestrate: cannot \\w+( the \\w+ folder)? ${escape(runRoot)}/\\S+: ENOSPC \\(no space left on the device: free some space or choose another --run-root\\)$`));
      expect(statusOf(plan)).toEqual({ t1: 'blocked', t2: 'blocked', t3: 'pending' });
      // Both were ended by the failed run, which says why in the plan itself: no sync needed.
      for (const id of ['t1', 't2']) expect(plan.tasks.find((entry) => entry.id === id)!.blocked_reason).toMatch(new RegExp(`^run_failed: cannot \\w+ ${escape(runRoot)}/\\S+: ENOSPC$`));
      expect(await orphansAfter(fixture.repo, [runDir], 3_000)).toEqual({ recorded: [], inside: [] });

      // A next start on the still-full disk fails the same clear way, before touching the plan.
      const planNow = await readFile(fixture.planFile, 'utf8');
      const again = await startOrchestrator(fixture, ['--run-root', runRoot]);
      expect(again.stderr.trim()).toMatch(/^codex-orchestrate: cannot \w+ .*: ENOSPC \(no space left on the device/);
      expect(again.exitCode).toBe(1);
      expect(await readFile(fixture.planFile, 'utf8')).toBe(planNow);
      // Space freed: sync has nothing left to repair, and the next start runs the task that waited.
      await rm(join(runRoot, 'filler'));
      expect((await syncPlan({ plan: fixture.planFile, runRoot })).changes).toEqual([]);
      const next = await startOrchestrator(fixture, ['--run-root', runRoot]);
      expect(next.exitCode, next.stderr).toBe(0);
      expect(statusOf(await loadPlan(fixture.planFile))).toEqual({ t1: 'blocked', t2: 'blocked', t3: 'agent_done' });
      expect(await orphansAfter(fixture.repo, await runDirsOf(fixture.planDir, join(runRoot, 'pr-1')), 3_000)).toEqual({ recorded: [], inside: [] });
    });
  });

  it('the run folder deleted while two agents work: one line naming it, the delivered task kept, the other ended', async () => {
    const { fixture, before } = await fixtureWith(threeTasks());
    const orchestrator = startOrchestrator(fixture, ['--concurrency', '2', '--max-tasks', '2']);
    const runDir = await agentsAtWork(fixture, ['t1', 't2']);
    await rm(runDir, { recursive: true, force: true });
    const run = await orchestrator;
    const plan = await expectCleanFailure(
      fixture,
      before,
      run,
      new RegExp(`^codex-orchestrate: (${escape(runDir)}/meta.json: meta.json is gone|cannot \\w+ ${escape(runDir)}/\\S+: ENOENT) \\(was the run folder deleted or moved while the run was going\\?`),
    );
    // t1's agent finished its work after the deletion (it wrote its results again): that is not lost.
    expect(statusOf(plan)).toEqual({ t1: 'agent_done', t2: 'blocked', t3: 'pending' });
    expect(plan.tasks.find((entry) => entry.id === 't2')!.blocked_reason).toBe('interrupted');
    expect(await orphansAfter(fixture.repo, [runDir], 3_000)).toEqual({ recorded: [], inside: [] });
    expect((await syncPlan({ plan: fixture.planFile })).changes).toEqual([]);
    const next = await startOrchestrator(fixture);
    expect(next.exitCode, next.stderr).toBe(0);
    expect(statusOf(await loadPlan(fixture.planFile))).toEqual({ t1: 'agent_done', t2: 'blocked', t3: 'agent_done' });
  });
});
