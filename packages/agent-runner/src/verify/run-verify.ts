import { appendFile, open } from 'node:fs/promises';
import { readLogTail, terminateProcessGroup } from '@planwright/run-store';
import { execa } from 'execa';
import { setLongTimeout } from '../supervise/long-timer.js';

export interface RunVerifyOptions {
  commands: string[];
  cwd: string;
  /** Each command's output is appended here, after a `$ command` line. */
  logPath: string;
  /** Per command; 0 = none. */
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export interface VerifyFailure {
  command: string;
  exitCode: number | null;
  timedOut: boolean;
  /** The last lines of its output, for the agent's follow-up prompt. */
  outputTail: string;
}

export interface VerifyOutcome {
  passed: boolean;
  /** Commands that ran (up to and including a failing one). */
  ran: number;
  failure?: VerifyFailure;
  durationMs: number;
}

/**
 * Runs a task's verify commands in order, each in a shell (the one place planwright uses a shell: verify
 * commands are written as shell lines) in its own process group, with a timeout that ends the whole
 * group. Output goes straight to the verify log; only its tail is read back. Stops at the first failure.
 *
 * @example
 * const outcome = await runVerify({ commands: ['npm test'], cwd: repo, logPath, timeoutMs: 600_000 });
 */
export async function runVerify(options: RunVerifyOptions): Promise<VerifyOutcome> {
  const started = Date.now();
  let ran = 0;
  for (const command of options.commands) {
    ran++;
    await appendFile(options.logPath, `$ ${command}\n`);
    const { exitCode, timedOut } = await runOne(command, options);
    await appendFile(options.logPath, `[exit ${timedOut ? `timeout after ${options.timeoutMs / 1000}s` : exitCode}]\n\n`);
    if (exitCode !== 0 || timedOut) {
      const outputTail = await readLogTail(options.logPath, { maxLines: 60, maxBytes: 8_000 });
      return { passed: false, ran, failure: { command, exitCode, timedOut, outputTail }, durationMs: Date.now() - started };
    }
  }
  return { passed: true, ran, durationMs: Date.now() - started };
}

async function runOne(command: string, options: RunVerifyOptions): Promise<{ exitCode: number | null; timedOut: boolean }> {
  const log = await open(options.logPath, 'a');
  try {
    const child = execa(command, {
      shell: true,
      cwd: options.cwd,
      env: options.env,
      detached: true,
      cleanup: false,
      reject: false,
      stdin: 'ignore',
      // The log's file descriptor goes straight to the command (execa's types only list 1 and 2).
      stdout: log.fd as unknown as 'inherit',
      stderr: log.fd as unknown as 'inherit',
    });
    let timedOut = false;
    const end = () => void terminateProcessGroup(child.pid!, { graceMs: 2_000 }).catch(() => undefined);
    const cancelTimer = options.timeoutMs > 0 ? setLongTimeout(() => ((timedOut = true), end()), options.timeoutMs) : undefined;
    options.signal?.addEventListener('abort', end, { once: true });
    const result = await child;
    cancelTimer?.();
    options.signal?.removeEventListener('abort', end);
    return { exitCode: result.exitCode ?? null, timedOut };
  } finally {
    await log.close();
  }
}
