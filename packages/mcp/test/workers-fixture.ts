// A repository whose runs go to workers: origin a bare repository, the PR branch checked out, plan.json
// gitignored (the coordinator's own file), and `planwright-worker` processes of the built workers package.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Task } from '@planwright/plan-schema';
import { fakeCodexEnv, git, isolatedGitEnv, tempDir } from '@planwright/test-utils';
import { execa } from 'execa';
import { onTestFinished } from 'vitest';
import { planRepo } from './mcp-fixture.js';

export const PR_BRANCH = 'pr/pr-1';

/** planRepo's repository and environment, with a bare `origin` and the PR branch checked out. */
export async function workersRepo(tasks: Task[]) {
  const fixture = await planRepo(tasks);
  const remote = join(await tempDir('planwright-remote-'), 'remote.git');
  await execa('git', ['init', '--quiet', '--bare', remote], { env: isolatedGitEnv() });
  await execa('sh', ['-c', 'printf ".plans/\\n" > .gitignore'], { cwd: fixture.repo });
  await git(fixture.repo, ['add', '.gitignore']);
  await git(fixture.repo, ['commit', '--quiet', '-m', 'plans are the coordinator\'s']);
  await git(fixture.repo, ['remote', 'add', 'origin', remote]);
  await git(fixture.repo, ['push', '--quiet', 'origin', 'HEAD:refs/heads/main']);
  await git(fixture.repo, ['switch', '--quiet', '-c', PR_BRANCH]);
  return { ...fixture, remote, base: await git(fixture.repo, ['rev-parse', 'HEAD']) };
}

const WORKER_BIN = join(dirname(createRequire(import.meta.url).resolve('@planwright/workers/package.json')), 'dist/bin/planwright-worker.js');

/**
 * `planwright-worker worker --queue <url> --name <name>` with its own cache and the fake codex, in its own
 * process group, ended by it when the test finishes. Resolves once it takes jobs.
 */
export async function startWorker(queue: string, name: string): Promise<{ output: () => string }> {
  if (!existsSync(WORKER_BIN)) throw new Error(`${WORKER_BIN} is missing: build it with "npx -y pnpm@12.21.0 build"`);
  const env = fakeCodexEnv(await tempDir(`planwright-${name}-home-`));
  const cache = await tempDir(`planwright-${name}-cache-`);
  const child = execa(process.execPath, [WORKER_BIN, 'worker', '--queue', queue, '--cache', cache, '--name', name], { env, extendEnv: false, detached: true, reject: false, all: true, stdin: 'ignore' });
  let text = '';
  child.all?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  onTestFinished(async () => {
    endGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => endGroup(child.pid, 'SIGKILL'), 5_000);
    await child;
    clearTimeout(timer);
  });
  const deadline = Date.now() + 30_000;
  while (!text.includes(`worker ${name} on `)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`worker ${name} did not start (exit ${child.exitCode}); output:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { output: () => text };
}

/** Signals a process group by its leader's pid; a group that has ended already is fine. */
export function endGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Gone already.
  }
}
