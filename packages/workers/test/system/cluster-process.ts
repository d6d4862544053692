import { execa, type ResultPromise } from 'execa';
import { onTestFinished } from 'vitest';

/** A process of the cluster (a worker or the coordinator), its stdout and stderr read as one text. */
export interface ClusterProcess {
  readonly pid: number;
  /** Everything it printed so far. */
  output(): string;
  /** Waits until its output matches, failing with the output when it exits first or after `timeoutMs`. */
  waitFor(expected: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with its exit code (or the signal that ended it) and its whole output. */
  readonly ended: Promise<{ exitCode?: number; signal?: string; output: string }>;
  /** True while it runs. */
  alive(): boolean;
}

/**
 * Starts `node <args>` in `cwd`; it is killed by its pid (SIGCONT first, in case a test froze it, then
 * SIGKILL) when the test finishes, passed or failed.
 */
export function spawnNode(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; label: string }): ClusterProcess {
  const child: ResultPromise = execa('node', args, { cwd: options.cwd, env: options.env, extendEnv: false, reject: false, all: true, stdin: 'ignore' });
  if (child.pid === undefined) throw new Error(`${options.label}: node did not start`);
  const pid = child.pid;
  let text = '';
  child.all?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  let running = true;
  const ended = child.then((result) => {
    running = false;
    return { exitCode: result.exitCode, signal: result.signal, output: text };
  });
  onTestFinished(() => {
    if (!running) return;
    for (const signal of ['SIGCONT', 'SIGKILL'] as const) {
      try {
        process.kill(pid, signal);
      } catch {
        // Gone already.
      }
    }
  });
  const waitFor = async (expected: string | RegExp, timeoutMs = 30_000) => {
    const start = Date.now();
    const seen = () => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));
    while (!seen()) {
      if (!running) throw new Error(`${options.label} exited before printing ${expected}; output:\n${text}`);
      if (Date.now() - start > timeoutMs) throw new Error(`${options.label} never printed ${expected}; output:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { pid, output: () => text, waitFor, ended, alive: () => running };
}

/** Polls `check` until it holds, or fails naming `what` after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** True while any process of group `pgid` is alive. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
