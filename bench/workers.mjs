// Workers benchmarks (issue 14), each against a baseline measured in the same run. Run alone with
// `node bench/workers.mjs` (after `pnpm build`), or as part of `pnpm bench`.
// - makespan: 40 one-second tasks in 8 domains on 4 worker processes at --concurrency 2, coordinator
//   --concurrency 8, against the ideal schedule and against the same plan run locally;
// - overhead: 200 instant tasks on 8 worker processes at --concurrency 4: the coordinator's own time per
//   task, phase by phase (PLANWRIGHT_TIMINGS), against a Redis round trip and a git push to the local remote.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mean, median } from './lib/measure.mjs';
import { transportCosts } from './lib/transport-costs.mjs';
import { benchRedis, benchRepo, benchRoot, benchTask, benchWorkers, childrenCpuMs, cpuMsOf, ping, planwright, timedRun, workersCpuMs } from './lib/workers-setup.mjs';

const runArgs = (extra) => [planwright, 'run', '--pr', 'bench', '--auto-verify', ...extra];

/**
 * 40 x 1 s in 8 domains. Ideal: each domain's five tasks one after another (5 s of agent time on the
 * critical path) at what one task costs in a local run, plus a run's fixed cost, both measured here:
 * ideal = start + 5 x (one-task run - start), where start is a local run with nothing to do.
 */
export async function workersMakespan() {
  const context = benchRoot();
  try {
    const tasks = Array.from({ length: 40 }, (_, i) => benchTask(`t${String(i).padStart(2, '0')}`, { domain: `d${i % 8}`, seconds: 1 }));
    const localRepo = benchRepo(context, 'local', tasks);
    const single = benchRepo(context, 'single', [benchTask('t00', { seconds: 1 })]);
    const empty = benchRepo(context, 'empty', [{ ...benchTask('t00'), status: 'done' }]);
    const remote = benchRepo(context, 'remote', tasks);
    // What a process costs before the runs, to tell a busy host at the end (this VM reports no steal time,
    // so another tenant's load shows as our processes' CPU).
    const processCostsBefore = processCosts(context, remote.repo);
    const redis = await benchRedis(context);
    const workerTimings = join(context.root, 'worker-timings.jsonl');
    await benchWorkers(context, redis.url, { count: 4, concurrency: 2, timings: workerTimings });
    const options = (cwd) => ({ cwd, env: context.env });
    // Alternated, so a busy moment of the machine does not fall on one side only.
    const startMs = await timedRun(runArgs([]), options(empty.repo));
    const oneTaskMs = await timedRun(runArgs([]), options(single.repo));
    const timingsFile = join(context.root, 'timings.jsonl');
    // The CPU every process of each run spent (the coordinator's tree; the workers' trees and Redis): on
    // one machine, the makespan cannot be below that CPU over its cores, whatever the schedule.
    const othersBefore = workersCpuMs(context) + cpuMsOf([redis.pid]);
    const distributed = await timedRun(runArgs(['--executor', redis.url, '--concurrency', '8']), { cwd: remote.repo, env: { ...context.env, PLANWRIGHT_TIMINGS: timingsFile } }, { cpu: true });
    const worker = await workerSide(context, workerTimings, 40);
    const distributedCpuMs = distributed.cpuMs + workersCpuMs(context) + cpuMsOf([redis.pid]) - othersBefore;
    const local = await timedRun(runArgs(['--concurrency', '8']), options(localRepo.repo), { cpu: true });
    expectAllDone(remote.repo, 40);
    expectAllDone(localRepo.repo, 40);
    const perTask = oneTaskMs - startMs;
    const cores = availableParallelism();
    // What git as the transport costs per task here, step by step, after the runs (so it does not slow them).
    const transport = transportCosts(context, remote);
    const cpu = { cores, distributedMs: distributedCpuMs, coordinatorMs: distributed.cpuMs, localMs: local.cpuMs, perProcess: processCosts(context, remote.repo), perProcessBefore: processCostsBefore, transport };
    const distributedMs = distributed.ms;
    const localMs = local.ms;
    return { distributedMs, localMs, ideal: startMs + 5 * perTask, startMs, perTask, cpu, phases: phaseTable(readTimings(timingsFile)), worker, count: 40, wallMs: distributedMs };
  } finally {
    await context.cleanup();
  }
}

/** 200 instant tasks on 32 worker slots: the coordinator's time per task, phase by phase. */
export async function workersOverhead({ count = 200, workers = 8, concurrency = 4, inFlight = 16, oneAtATime = false } = {}) {
  const context = benchRoot();
  try {
    // oneAtATime: tasks that name no files never run side by side, so no phase waits for another task's.
    const tasks = Array.from({ length: count }, (_, i) => benchTask(`t${String(i).padStart(3, '0')}`, { files: !oneAtATime }));
    const remote = benchRepo(context, 'remote', tasks);
    const redis = await benchRedis(context);
    const workerTimings = join(context.root, 'worker-timings.jsonl');
    await benchWorkers(context, redis.url, { count: workers, concurrency, timings: workerTimings });
    const timingsFile = join(context.root, 'timings.jsonl');
    const env = { ...context.env, PLANWRIGHT_TIMINGS: timingsFile };
    const { ms: wallMs, cpuMs } = await timedRun(runArgs(['--executor', redis.url, '--concurrency', String(inFlight)]), { cwd: remote.repo, env }, { cpu: true });
    const worker = await workerSide(context, workerTimings, count);
    expectAllDone(remote.repo, count);
    const lines = readTimings(timingsFile);
    // Baselines: what one Redis round trip and one push of a commit to the local remote cost, here and now.
    const pings = [];
    for (let i = 0; i < 21; i++) pings.push(await ping(redis.port));
    const redisRoundTrip = median(pings);
    const pushMs = gitPushCost(context, remote.repo);
    return { count, wallMs, cpuPerTask: cpuMs / count, phases: phaseTable(lines), worker, redisRoundTrip, pushMs };
  } finally {
    await context.cleanup();
  }
}

// The coordinator's own phases; `enqueue` (until a worker took the job) and `worker` also hold the wait for
// a free worker slot and the worker's run, so they are shown but not counted as the coordinator's time.
const OWN = ['push', 'claim', 'placement write', 'plan read', 'fetch', 'integrate', 'results+log', 'record'];
// 'git lock wait': other tasks' push or integrate holding the checkout; shown, counted in the wall time.

function readTimings(file) {
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
}

function phaseTable(lines) {
  const names = [...new Set(lines.flatMap((line) => Object.keys(line.phases)))];
  const rows = names.map((name) => {
    const values = lines.map((line) => line.phases[name] ?? 0);
    return { name, own: OWN.includes(name), median: median(values), mean: mean(values) };
  });
  const ownPerTask = lines.map((line) => OWN.reduce((sum, name) => sum + (line.phases[name] ?? 0), 0));
  return { rows, ownMedian: median(ownPerTask), ownMean: mean(ownPerTask) };
}

/**
 * The workers' side of a run: each job's phases (their PLANWRIGHT_TIMINGS lines; a job's line is written
 * after its cleanup, which runs after its report, so the last ones are waited for) and the workers' CPU per
 * task (node, its git processes and the fake agent).
 */
async function workerSide(context, file, count) {
  for (let tries = 0; tries < 100 && (!existsSync(file) || readTimings(file).length < count); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
  const lines = existsSync(file) ? readTimings(file) : [];
  const names = [...new Set(lines.flatMap((line) => Object.keys(line.phases)))];
  const stats = (values) => ({ median: median(values), mean: mean(values) });
  const rows = names.map((name) => ({ name, ...stats(lines.map((line) => line.phases[name] ?? 0)) }));
  return { jobs: lines.length, rows, total: stats(lines.map((line) => line.total)), cpuPerTask: workersCpuMs(context) / count };
}

/**
 * Prints what the two runs of the makespan benchmark spent in CPU, and the floor that puts under their
 * makespan on this machine: all that CPU spread over its cores with none left idle.
 */
export function printCpu(span) {
  const { cores, distributedMs, coordinatorMs, localMs } = span.cpu;
  const line = (name, cpuMs, wallMs) => console.log(`  ${name.padEnd(12)} ${(cpuMs / span.count).toFixed(0).padStart(5)} ms CPU per task; floor ${(cpuMs / cores / 1000).toFixed(1)} s on ${cores} cores; makespan ${(wallMs / 1000).toFixed(1)} s`);
  console.log('CPU of every process of the run (coordinator, workers with their git and agents, Redis):');
  line('on workers', distributedMs, span.distributedMs);
  console.log(`  ${''.padEnd(12)} of which the coordinator (node and its git) ${(coordinatorMs / span.count).toFixed(0)} ms per task`);
  line('local', localMs, span.localMs);
  const { trueMs, gitMs } = span.cpu.perProcess;
  console.log(`  for scale, on this machine: a process (/bin/true) ${trueMs.toFixed(1)} ms of CPU to start, a trivial git command ${gitMs.toFixed(1)} ms`);
  const before = span.cpu.perProcessBefore.trueMs;
  if (trueMs > 2 * before) console.log(`  (a process cost ${before.toFixed(1)} ms before the runs: the host was busy meanwhile, and every CPU figure here is inflated)`);
  const { transport } = span.cpu;
  console.log('git as the transport, one task, CPU with the remote\'s side (the mean of 10 rounds; bench/lib/transport-costs.mjs):');
  for (const step of transport.steps) console.log(`  ${step.name.padEnd(24)} ${step.ms.toFixed(0).padStart(4)} ms  ${step.what}`);
  const floors = transportFloors(span);
  // A task's own commit and push are its alone; a worker's fetch serves only its jobs sent from one head,
  // and the coordinator's fetch, cherry-pick and push serve a batch of tasks.
  console.log(`  the local run's CPU per task + the worker's steps: a floor of ${(floors.workerSide / 1000).toFixed(1)} s on ${cores} cores, before the workers' and`);
  console.log(`  the coordinator's own processes; + the coordinator's steps unshared: ${(floors.allSteps / 1000).toFixed(1)} s. The target, 1.2 x the ideal: ${(floors.target / 1000).toFixed(1)} s`);
}

/**
 * The makespan floors that git as the transport puts under a run on workers on this machine, before any
 * CPU of the workers' or the coordinator's own processes: the local run's CPU per task plus the transport's,
 * over the cores, with none idle.
 */
export function transportFloors(span) {
  const { cores, localMs, transport } = span.cpu;
  const floor = (extraPerTask) => (localMs + span.count * extraPerTask) / cores;
  return { workerSide: floor(transport.workerMs), allSteps: floor(transport.totalMs), target: 1.2 * span.ideal };
}

/** Prints the workers' phase table. */
export function printWorkerPhases(run) {
  const { worker } = run;
  console.log(`worker time per job, ${worker.jobs} jobs (PLANWRIGHT_TIMINGS in the workers; the cleanup runs after the report):`);
  for (const row of worker.rows) console.log(`  ${row.name.padEnd(16)} median ${row.median.toFixed(1).padStart(7)} ms  mean ${row.mean.toFixed(1).padStart(7)} ms`);
  console.log(`  job total: median ${worker.total.median.toFixed(1)} ms, mean ${worker.total.mean.toFixed(1)} ms; workers' CPU (node + git + agent): ${worker.cpuPerTask.toFixed(1)} ms per task`);
}

/**
 * What one process costs on this machine, for scale: the CPU of starting `/bin/true`, and of a trivial git
 * command (`git rev-parse HEAD`), each the mean of 40 run by bash one after another (bash's `times`).
 */
function processCosts(context, repo) {
  const mean = (command) => {
    const script = `for i in $(seq 40); do ${command} >/dev/null; done; times`;
    return childrenCpuMs(spawnSync('bash', ['-c', script], { cwd: repo, env: context.env, encoding: 'utf8' }).stdout) / 40;
  };
  return { trueMs: mean('/bin/true'), gitMs: mean('git rev-parse HEAD') };
}

/** Median of 7 pushes of a fresh commit (a branch of its own) from the repository to its remote. */
function gitPushCost(context, repo) {
  const samples = [];
  for (let i = 0; i < 8; i++) {
    const git = (args) => spawnSync('git', args, { cwd: repo, env: context.env, encoding: 'utf8' });
    git(['commit', '-q', '--allow-empty', '-m', `push probe ${i}`]);
    const start = performance.now();
    const pushed = git(['push', '--quiet', 'origin', `HEAD:refs/heads/bench-probe-${i}`]);
    if (pushed.status !== 0) throw new Error(`git push: ${pushed.stderr}`);
    if (i > 0) samples.push(performance.now() - start);
  }
  return median(samples);
}

function expectAllDone(repo, count) {
  const plan = JSON.parse(readFileSync(join(repo, '.plans', 'bench', 'plan.json'), 'utf8'));
  const done = plan.tasks.filter((task) => task.status === 'done').length;
  if (done !== count) throw new Error(`${repo}: ${done} of ${count} tasks done: ${plan.tasks.filter((task) => task.status !== 'done').map((task) => `${task.id} ${task.status} ${task.blocked_reason ?? ''}`).slice(0, 3).join('; ')}`);
}

/** Prints the phase table of the overhead run. */
export function printPhases(overhead) {
  console.log(`coordinator time per task, ${overhead.count} instant tasks (PLANWRIGHT_TIMINGS; lock waits included):`);
  for (const row of overhead.phases.rows) {
    console.log(`  ${row.name.padEnd(16)} median ${row.median.toFixed(1).padStart(7)} ms  mean ${row.mean.toFixed(1).padStart(7)} ms${row.own ? '' : '  (a wait: not counted)'}`);
  }
  console.log(`  own phases: median ${overhead.phases.ownMedian.toFixed(1)} ms, mean ${overhead.phases.ownMean.toFixed(1)} ms per task; wall ${(overhead.wallMs / overhead.count).toFixed(1)} ms per task`);
  if (overhead.cpuPerTask !== undefined) console.log(`  coordinator CPU (node + its git processes): ${overhead.cpuPerTask.toFixed(1)} ms per task`);
}

/** The benchmark rows for bench/run.mjs's table. */
export async function workersRows() {
  const span = await workersMakespan();
  console.log(`workers makespan: ideal = a run's start ${span.startMs.toFixed(0)} ms + 5 x one local 1 s task end to end ${span.perTask.toFixed(0)} ms`);
  printWorkerPhases(span);
  printCpu(span);
  const cost = await workersOverhead();
  printPhases(cost);
  printWorkerPhases(cost);
  return [
    { name: 'workers: 40 x 1 s tasks, 8 domains, 4 workers x 2', value: span.distributedMs, baseline: span.ideal, baselineName: 'ideal schedule', target: '<= 1.2x', met: span.distributedMs <= 1.2 * span.ideal },
    { name: 'workers: the same 40 tasks, on workers against local', value: span.distributedMs, baseline: span.localMs, baselineName: 'local run --concurrency 8', target: '(info)', met: true },
    { name: "workers: floor of the local run's CPU + the worker's git transport, 40 tasks", value: transportFloors(span).workerSide, baseline: span.ideal, baselineName: 'ideal schedule', target: '(info: at 1.2x or more, no schedule on this machine meets the makespan target)', met: true },
    { name: 'workers: CPU of all processes per 1 s task, on workers against local', value: span.cpu.distributedMs / span.count, baseline: span.cpu.localMs / span.count, baselineName: 'local run', target: '(info)', met: true },
    { name: `workers: coordinator CPU per task (node + its git), ${cost.count} instant tasks`, value: cost.cpuPerTask, baseline: cost.pushMs, baselineName: 'one git push to the local remote', target: '< 40 ms', met: cost.cpuPerTask < 40 },
    { name: `workers: coordinator's own phases per task (wall, mean), ${cost.count} instant tasks`, value: cost.phases.ownMean, baseline: cost.pushMs, baselineName: 'one git push to the local remote', target: '< 40 ms', met: cost.phases.ownMean < 40 },
    { name: 'workers: worker CPU per 1 s task (node + git + fake agent), 40 tasks', value: span.worker.cpuPerTask, target: '(info)', met: true },
    { name: 'workers: Redis round trip (PING), for scale', value: cost.redisRoundTrip, target: '(info)', met: true },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { report } = await import('./lib/measure.mjs');
  const which = process.argv[2] ?? 'all';
  if (which === 'overhead') {
    const cost = await workersOverhead({ count: Number(process.argv[3] ?? 200), oneAtATime: process.argv[4] === 'one-at-a-time' });
    printPhases(cost);
    printWorkerPhases(cost);
    console.log(`git push ${cost.pushMs.toFixed(1)} ms, redis PING ${cost.redisRoundTrip.toFixed(2)} ms`);
  } else if (which === 'makespan') {
    const span = await workersMakespan();
    printPhases(span);
    printWorkerPhases(span);
    printCpu(span);
    console.log({ ...span, phases: undefined, worker: undefined });
  } else {
    report(await workersRows());
  }
}
