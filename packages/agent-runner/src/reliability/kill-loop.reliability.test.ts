import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadPlan, markTaskVerified, updatePlan, type Task } from '@planwright/plan-schema';
import { isProcessAlive, readAgentProcesses } from '@planwright/run-store';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeTask, orchestratorFixture, type Fixture } from '../../test/fixture.js';
import { agentRunsByTask, assertBuilt, inPool, orphansAfter, planContent, runDirsOf, seededRandom, startOrchestrator } from './reliability-kit.js';

// Reliability suite: kill -9 of the orchestrator (and sometimes of an agent group) at random points of a
// run, 20 seeded schedules. Replay one with PLANWRIGHT_RELIABILITY_SEED=<seed> PLANWRIGHT_RELIABILITY_SCHEDULES=1
// (the seed fixes the delays and choices; the machine's timing decides where exactly they land);
// PLANWRIGHT_RELIABILITY_TRACE=1 prints the plan after every kill.
const BASE_SEED = Number(process.env.PLANWRIGHT_RELIABILITY_SEED ?? 20_260_601);
const SCHEDULES = Number(process.env.PLANWRIGHT_RELIABILITY_SCHEDULES ?? 20);
const seeds = Array.from({ length: SCHEDULES }, (_, index) => BASE_SEED + index);

beforeAll(assertBuilt);

interface Schedule {
  seed: number;
  concurrency: 1 | 2;
  autoVerify: boolean;
  tasks: Task[];
}

/** Four tasks in three domains, one depending on another, some slow, all with verify commands (one flaky). */
function scheduleFor(seed: number): Schedule {
  const random = seededRandom(seed);
  const concurrency = seed % 2 === 0 ? 1 : 2;
  const autoVerify = random() < 0.5;
  const work = () => (random() < 0.5 ? ['slow 1'] : []);
  const task = (id: string, domain: string, extra: Partial<Task> = {}): Task => ({
    ...fakeTask(id, ...work(), `write ${id}.txt ${id}`),
    domain,
    verify: [`test -f ${id}.txt`],
    x_owner: `owner of ${id}`,
    ...extra,
  });
  return {
    seed,
    concurrency,
    autoVerify,
    tasks: [
      task('t1', 'api'),
      task('t2', 'docs'),
      task('t3', 'api', { depends_on: ['t1'] }),
      // With --auto-verify --retries 1, its first verification fails: the agent's session is resumed.
      task('t4', 'web', { verify: ['test -f t4.txt', 'if [ -f .t4-checked ]; then exit 0; fi; touch .t4-checked; exit 1'] }),
    ],
  };
}

/** What the checks remember between kills: after how many agent runs each task was first seen finished. */
type Seen = Map<string, number>;

const finished = (task: Task) => task.status === 'agent_done' || task.status === 'done';

/** After a kill: plan.json valid, and no task that was finished has been run again or left its state. */
async function checkpoint(fixture: Fixture, seen: Seen, where: string): Promise<Task[]> {
  const plan = await loadPlan(fixture.planFile); // throws, naming the problem, if the kill broke it
  const runs = await agentRunsByTask(fixture.codexLog);
  for (const task of plan.tasks) {
    const count = runs.get(task.id) ?? 0;
    const before = seen.get(task.id);
    if (before !== undefined) {
      expect(finished(task), `${where}: ${task.id} was finished and is now ${task.status}`).toBe(true);
      expect(count, `${where}: ${task.id} was finished after ${before} agent runs and ran again`).toBe(before);
    } else if (finished(task)) seen.set(task.id, count);
  }
  return plan.tasks;
}

/**
 * The planner between runs: re-opens what a kill interrupted and accepts some of what the agents finished
 * (so dependents can run; the others stay agent_done, for the next start to leave alone). Never touches a
 * task that is in progress.
 */
async function plannerStep(fixture: Fixture, accept: () => boolean): Promise<void> {
  await updatePlan(fixture.planFile, (plan) => {
    for (const task of plan.tasks.filter((entry) => entry.status === 'blocked')) {
      task.status = 'pending';
      delete task.blocked_reason;
      delete task.blocked_at;
    }
  });
  for (const task of (await loadPlan(fixture.planFile)).tasks.filter((entry) => entry.status === 'agent_done' && accept())) {
    await markTaskVerified({ plan: fixture.planFile, task: task.id, note: 'accepted by the test planner' });
  }
}

/** SIGKILL to the process group of one live agent of the run, if there is one. */
async function killAnAgent(fixture: Fixture, random: () => number): Promise<void> {
  for (const runDir of await runDirsOf(fixture.planDir)) {
    const agents = Object.values(await readAgentProcesses(runDir).catch(() => ({})));
    const live = agents.filter((agent) => isProcessAlive(agent.pid));
    const victim = live[Math.floor(random() * live.length)];
    if (!victim) continue;
    try {
      process.kill(-(victim.pgid ?? victim.pid), 'SIGKILL');
    } catch {
      // It ended on its own meanwhile.
    }
    return;
  }
}

async function runSchedule(schedule: Schedule): Promise<void> {
  const fixture = await orchestratorFixture(schedule.tasks);
  try {
    await drive(schedule, fixture);
  } catch (error) {
    // Let the agents of a failed schedule finish before its folders are removed.
    await orphansAfter(fixture.repo, await runDirsOf(fixture.planDir)).catch(() => undefined);
    throw error;
  }
}

/** Kills at random points, then runs to the end, checking after every stop. */
async function drive(schedule: Schedule, fixture: Fixture): Promise<void> {
  const random = seededRandom(schedule.seed * 7919);
  const original = planContent(JSON.parse(await readFile(fixture.planFile, 'utf8')));
  const flags = ['--max-tasks', '10', '--concurrency', String(schedule.concurrency), ...(schedule.autoVerify ? ['--auto-verify', '--retries', '1'] : [])];
  const seen: Seen = new Map();
  const kills = 1 + Math.floor(random() * 2);
  for (let kill = 1; kill <= kills; kill++) {
    const where = `seed ${schedule.seed}, kill ${kill}`;
    const orchestrator = startOrchestrator(fixture, flags);
    await sleep(Math.floor(random() * 2_500));
    const agentToo = random() < 0.35;
    const agentFirst = random() < 0.5;
    if (agentToo && agentFirst) {
      await killAnAgent(fixture, random);
      await sleep(Math.floor(random() * 400)); // sometimes the orchestrator sees its agent die, sometimes not
    }
    orchestrator.kill('SIGKILL');
    const { exitCode, signal, stderr } = await orchestrator;
    // It may have finished before the kill: then it ended well.
    if (signal !== 'SIGKILL') expect([0, 1], `${where}: exit ${exitCode}: ${stderr}`).toContain(exitCode);
    if (agentToo && !agentFirst) await killAnAgent(fixture, random);
    const tasks = await checkpoint(fixture, seen, where);
    if (process.env.PLANWRIGHT_RELIABILITY_TRACE) console.log(where, signal ?? exitCode, agentToo ? (agentFirst ? 'agent first' : 'agent after') : '', tasks.map((t) => `${t.id}=${t.status}${t.blocked_reason ? `(${t.blocked_reason})` : ''}`).join(' '));
    await plannerStep(fixture, () => random() < 0.5);
  }
  // Then start again (no more kills) until every task is done. An agent of a killed orchestrator may still
  // be at work: its task is left alone by the next start, so wait for it and start once more.
  for (let round = 1; ; round++) {
    const where = `seed ${schedule.seed}, final run ${round}`;
    const { exitCode, stderr } = await startOrchestrator(fixture, flags);
    expect([0, 1], `${where}: exit ${exitCode}: ${stderr}`).toContain(exitCode);
    const tasks = await checkpoint(fixture, seen, where);
    if (tasks.every((task) => task.status === 'done')) break;
    expect(round, `${where}: the plan does not finish: ${tasks.map((task) => `${task.id}=${task.status}`).join(' ')}`).toBeLessThan(6);
    await plannerStep(fixture, () => true);
    if (tasks.some((task) => task.status === 'in_progress')) await sleep(1_000);
  }
  const runs = await agentRunsByTask(fixture.codexLog);
  if (process.env.PLANWRIGHT_RELIABILITY_TRACE) console.log(`seed ${schedule.seed} agent runs:`, Object.fromEntries(runs));
  for (const task of schedule.tasks) expect(runs.get(task.id), `seed ${schedule.seed}: ${task.id} never ran`).toBeGreaterThan(0);
  expect(planContent(await loadPlan(fixture.planFile)), `seed ${schedule.seed}: plan content changed`).toEqual(original);
  expect(existsSync(`${fixture.planFile}.lock`), `seed ${schedule.seed}: plan lock left behind`).toBe(false);
  const left = await orphansAfter(fixture.repo, await runDirsOf(fixture.planDir));
  expect(left, `seed ${schedule.seed}: processes left`).toEqual({ recorded: [], inside: [] });
}

describe('reliability: kill -9 at random points of a run', () => {
  it(`${SCHEDULES} seeded schedules (seeds ${BASE_SEED}..${BASE_SEED + SCHEDULES - 1}): plan valid, nothing finished runs again, no orphan`, async () => {
    const failures: string[] = [];
    // Two schedules at a time: the machine has two cores, and every schedule waits on processes.
    await inPool(seeds.map(scheduleFor), 2, async (schedule) => {
      try {
        await runSchedule(schedule);
      } catch (error) {
        failures.push(`seed ${schedule.seed} (concurrency ${schedule.concurrency}${schedule.autoVerify ? ', auto-verify' : ''}): ${(error as Error).message}`);
      }
    });
    expect(failures).toEqual([]);
  }, 170_000);
});
