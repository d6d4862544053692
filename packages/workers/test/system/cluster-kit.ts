import type { Task } from '@planwright/plan-schema';
import { fakeAgentTask, fakeCodexEnv, git, startRedis, tempDir, tempGitRepo, writeFiles, type TestRedis } from '@planwright/test-utils';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { endOrphansAfterTest, readAgentRuns, type AgentRun } from './agent-runs.js';
import { spawnNode, type ClusterProcess } from './cluster-process.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const WORKER_BIN = join(ROOT, 'packages/workers/dist/bin/planwright-worker.js');
const PLANWRIGHT_BIN = join(ROOT, 'apps/planwright/dist/bin/planwright.js');

/** The PR every cluster works on, on branch `pr/pr-1`. */
export const PR = 'pr-1';
export const PR_BRANCH = 'pr/pr-1';

/** A fake-agent task for a cluster's plan: `write <id>.txt`, verified by the file being there. */
export function clusterTask(id: string, fields: Partial<Task> = {}, ...directives: string[]): Task {
  return fakeAgentTask<Task>(id, { verify: [`test -f ${id}.txt`], ...fields }, ...directives, `write ${id}.txt ${id}`);
}

/** What a cluster runs: its plan's tasks and its workers. */
export interface ClusterOptions {
  tasks: Task[];
  /** Worker names to start (each its own process and cache). */
  workers: string[];
  /** PLANWRIGHT_WORKER_LOCK_MS for the workers (default BullMQ's 30 s). */
  lockMs?: number;
}

/** A plan entry as the coordinator writes it. */
export type PlanEntry = Task & { worker?: string; host?: string; attempt?: number; blocked_reason?: string };

/** A worker process and its cache. */
export interface ClusterWorker extends ClusterProcess {
  name: string;
  cache: string;
}

/**
 * A whole cluster on this machine: a redis-server on a free port, a bare remote, the coordinator's clone on
 * `pr/pr-1` with the plan (`.plans/` ignored by git), and worker processes of the built bin, each with its
 * own cache. Every process is ended by pid when the test finishes (agents a killed worker orphaned too).
 */
export async function startCluster(options: ClusterOptions) {
  for (const bin of [WORKER_BIN, PLANWRIGHT_BIN]) {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npx -y pnpm@12.21.0 build\` first`);
  }
  const redis: TestRedis = await startRedis();
  const home = await tempDir('planwright-cluster-home-');
  const agentLog = join(home, 'fake-codex.jsonl');
  const env: NodeJS.ProcessEnv = { ...fakeCodexEnv(home), FAKE_CODEX_LOG: agentLog, PLANWRIGHT_WORKER_LOCK_MS: options.lockMs?.toString() };
  endOrphansAfterTest(agentLog);
  const remote = await tempDir('planwright-remote-');
  await git(remote, ['init', '--quiet', '--bare']);
  const repo = await tempGitRepo({ files: { 'README.md': '# demo\n', '.gitignore': '.plans/\n' } });
  await git(repo, ['remote', 'add', 'origin', remote]);
  await git(repo, ['push', '--quiet', 'origin', 'main']);
  await git(repo, ['checkout', '--quiet', '-b', PR_BRANCH]);
  const planFile = join(repo, '.plans', PR, 'plan.json');
  await writeFiles(repo, { [`.plans/${PR}/plan.json`]: JSON.stringify({ goal: 'system test', tasks: options.tasks }, null, 2) });
  const workers = new Map<string, ClusterWorker>();
  const caches = new Map<string, string>();
  const planwright = (args: string[], label: string) => spawnNode([PLANWRIGHT_BIN, ...args], { cwd: repo, env, label });

  /** Starts worker `name` (again, after a kill: a new process on the same cache). */
  const startWorker = async (name: string): Promise<ClusterWorker> => {
    const cache = caches.get(name) ?? (await tempDir(`planwright-cache-${name}-`));
    caches.set(name, cache);
    const child = spawnNode([WORKER_BIN, 'worker', '--queue', redis.url, '--cache', cache, '--name', name], { cwd: home, env, label: `worker ${name}` });
    await child.waitFor(`worker ${name} on `);
    const worker = Object.assign(child, { name, cache });
    workers.set(name, worker);
    return worker;
  };
  for (const name of options.workers) await startWorker(name);

  return {
    redis, remote, repo, env, workers, startWorker,
    /** Starts `planwright run --pr pr-1 --executor <redis> …flags` in the coordinator's clone. */
    startRun: (flags: string[]) => planwright(['run', '--pr', PR, '--executor', redis.url, ...flags], 'the coordinator'),
    /** Runs the coordinator to its end: exit code and output. */
    run: async (flags: string[]) => planwright(['run', '--pr', PR, '--executor', redis.url, ...flags], 'the coordinator').ended,
    /** `planwright stop --run-dir <the run folder the coordinator printed>`. */
    stop: async (coordinator: ClusterProcess) => {
      await coordinator.waitFor(/^RUN_DIR=.+$/m);
      const runDir = /^RUN_DIR=(.+)$/m.exec(coordinator.output())![1]!;
      return planwright(['stop', '--run-dir', runDir], 'planwright stop').ended;
    },
    /** `planwright status --pr pr-1 --json`, parsed. */
    status: async (): Promise<Record<string, unknown>> => {
      const { exitCode, output } = await planwright(['status', '--pr', PR, '--json'], 'planwright status').ended;
      if (exitCode !== 0) throw new Error(`planwright status exited ${exitCode}: ${output}`);
      return JSON.parse(output) as Record<string, unknown>;
    },
    /** The plan's entries by task id, as plan.json holds them now. */
    plan: (): Record<string, PlanEntry> =>
      Object.fromEntries((JSON.parse(readFileSync(planFile, 'utf8')) as { tasks: PlanEntry[] }).tasks.map((task) => [task.id, task])),
    /** Every start of an agent so far, with its task and worker. */
    agentRuns: (): AgentRun[] => readAgentRuns(agentLog, caches),
    /** git in the coordinator's clone (trimmed stdout). */
    git: (args: string[]) => git(repo, args),
    /** The subjects of the PR branch's commits since main, oldest first. */
    prCommits: async () => (await git(repo, ['log', '--reverse', '--format=%s', `main..${PR_BRANCH}`])).split('\n').filter(Boolean),
    /** What the remote's ref points at ('' when it has no such ref). */
    remoteRef: async (ref: string) => git(remote, ['for-each-ref', '--format=%(objectname)', ref]),
  };
}

/** What startCluster returns. */
export type Cluster = Awaited<ReturnType<typeof startCluster>>;
