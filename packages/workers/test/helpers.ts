import type { ExecuteHooks, RemoteTaskRequest, TaskPlacement } from '@planwright/agent-runner';
import { execa, type ResultPromise } from 'execa';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

/** A request as the coordinator sends it, for task `id` of run `runId`. */
export function request(id: string, runId = 'run-1', pr = 'pr-1'): RemoteTaskRequest {
  return {
    pr, runId,
    task: { id, title: `task ${id}`, status: 'in_progress', depends_on: [], expected_files: [], verify: [], done_criteria: [] } as unknown as RemoteTaskRequest['task'],
    remote: 'file:///tmp/remote.git',
    prBranch: 'planwright/pr-1',
    baseSha: 'a'.repeat(40),
    taskBranch: `planwright/${pr}/${id}`,
    settings: { agent: 'codex', autoVerify: false, retries: 0 },
  };
}

/** Hooks that record placements. */
export function hooks(signal: AbortSignal = new AbortController().signal): ExecuteHooks & { placements: TaskPlacement[] } {
  const placements: TaskPlacement[] = [];
  return { placements, placed: (placement) => placements.push(placement), signal };
}

export interface WorkerProcess {
  child: ResultPromise;
  output: () => string;
  waitFor: (text: string | RegExp, timeoutMs?: number) => Promise<void>;
}

const FIXTURE = fileURLToPath(new URL('./fixtures/worker-process.mjs', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/** Starts a worker as its own process (the built package); ended by pid when the test finishes. */
export async function spawnWorker(config: Record<string, unknown>): Promise<WorkerProcess> {
  if (!existsSync(DIST)) throw new Error('packages/workers/dist is missing: run `npx -y pnpm@12.21.0 build` first');
  const child = execa('node', [FIXTURE, JSON.stringify(config)], { reject: false, all: true });
  let text = '';
  child.all?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  onTestFinished(() => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(child.pid, 'SIGCONT');
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
  });
  const waitFor = async (expected: string | RegExp, timeoutMs = 20_000) => {
    const start = Date.now();
    const seen = () => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));
    while (!seen()) {
      if (Date.now() - start > timeoutMs) throw new Error(`worker never printed ${expected}; output:\n${text}`);
      if (child.exitCode !== null) throw new Error(`worker exited (${child.exitCode}) before printing ${expected}; output:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await waitFor('ready');
  return { child, output: () => text, waitFor };
}

/** Polls `check` until it is true (or fails after `timeoutMs`). */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
