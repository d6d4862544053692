// Test kit of the workers end-to-end tests (not exported): a coordinator's repository with a bare remote,
// and `planwright worker` processes of the built umbrella bin, each with its own cache and environment.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { git, isolatedGitEnv, tempDir, tempGitRepo } from '@planwright/test-utils';
import { execa, type ResultPromise } from 'execa';
import { onTestFinished } from 'vitest';
import { PLANWRIGHT_BIN } from './mcp-planner-kit.js';

export const PR = 'pr-1';
export const PR_BRANCH = `pr/${PR}`;

/** Fails, saying how to get it, when the built umbrella bin has no `worker` command. */
export async function requireBuiltWorkerBin(): Promise<void> {
  const help = existsSync(PLANWRIGHT_BIN) ? await execa(process.execPath, [PLANWRIGHT_BIN, 'worker', '--help'], { reject: false }) : undefined;
  if (help?.exitCode !== 0) throw new Error(`${PLANWRIGHT_BIN} has no working "worker" command: build it first (npx -y pnpm@12.21.0 build)`);
}

export interface CoordinatorRepo {
  repo: string;
  remote: string;
  planFile: string;
  /** The commit the PR branch started from. */
  base: string;
}

/**
 * A repository on branch `pr/pr-1` with `origin` a bare repository, and `.plans/pr-1/plan.json` (gitignored,
 * as the coordinator's own file) holding `tasks`.
 */
export async function coordinatorRepo(tasks: unknown[]): Promise<CoordinatorRepo> {
  const remote = join(await tempDir('planwright-remote-'), 'remote.git');
  await execa('git', ['init', '--quiet', '--bare', remote], { env: isolatedGitEnv() });
  const repo = await tempGitRepo({ files: { 'README.md': '# sample\n', '.gitignore': '.plans/\n' } });
  await git(repo, ['remote', 'add', 'origin', remote]);
  await git(repo, ['push', '--quiet', 'origin', 'main']);
  await git(repo, ['switch', '--quiet', '-c', PR_BRANCH]);
  const planFile = join(repo, '.plans', PR, 'plan.json');
  await mkdir(dirname(planFile), { recursive: true });
  await writeFile(planFile, `${JSON.stringify({ goal: 'Notes on workers', tasks }, null, 2)}\n`);
  return { repo, remote, planFile, base: await git(repo, ['rev-parse', 'HEAD']) };
}

export interface WorkerProcess {
  name: string;
  output: () => string;
}

/**
 * `planwright worker --queue <url> --cache <own dir> --name <name>` of the built bin, in its own process
 * group with exactly `env` (nothing inherited), ended by its group when the test finishes. Resolves once
 * it takes jobs.
 */
export async function startWorkerProcess(options: { queue: string; name: string; env: Record<string, string> }): Promise<WorkerProcess> {
  const cache = await tempDir(`planwright-${options.name}-cache-`);
  const child = execa(process.execPath, [PLANWRIGHT_BIN, 'worker', '--queue', options.queue, '--cache', cache, '--name', options.name], {
    env: options.env, extendEnv: false, detached: true, reject: false, all: true, stdin: 'ignore',
  });
  let text = '';
  child.all?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  onTestFinished(() => endGroup(child));
  const deadline = Date.now() + 30_000;
  while (!text.includes(`worker ${options.name} on `)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`worker ${options.name} did not start (exit ${child.exitCode}); output:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { name: options.name, output: () => text };
}

/** SIGTERM to the worker's group (it lets a running job finish), SIGKILL to what is left after 5 s. */
async function endGroup(child: ResultPromise): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // The group has ended already.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await child;
  clearTimeout(timer);
  signal('SIGKILL');
}

/**
 * The data of every job on the `planwright-<agent>` queue (BullMQ keeps a finished job's hash for a while),
 * read with `redis-cli`, which Debian's redis-server package brings along.
 */
export async function queuedJobs(port: number, agent = 'codex'): Promise<Array<Record<string, unknown>>> {
  const cli = (...args: string[]) => execa('redis-cli', ['-p', String(port), '--raw', ...args], { env: isolatedGitEnv() }).then((result) => result.stdout);
  const keys = (await cli('--scan', '--pattern', `bull:planwright-${agent}:*`)).split('\n').filter(Boolean);
  const jobs: Array<Record<string, unknown>> = [];
  for (const key of keys.sort()) {
    if ((await cli('type', key)) !== 'hash') continue;
    const data = await cli('hget', key, 'data');
    if (data) jobs.push(JSON.parse(data));
  }
  return jobs;
}

/** PATH with only node's and the system's folders: no node_modules/.bin, so no agent CLI either. */
export function bareSystemPath(): string {
  return [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':');
}
