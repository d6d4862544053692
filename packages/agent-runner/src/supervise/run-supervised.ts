import { processGroupMembers, terminateProcessGroup } from '@planwright/run-store';
import { execa } from 'execa';
import { AgentRunnerError } from '../errors.js';
import { abortedBy, timeoutAfter } from './waits.js';

export interface RunSupervisedOptions {
  bin: string;
  args: string[];
  cwd: string;
  /** Added to process.env (an `undefined` value removes an inherited one), or the whole env with `extendEnv: false`. */
  env?: Record<string, string | undefined>;
  /** Default true, as in execa. */
  extendEnv?: boolean;
  /** Written to stdin, which is then closed (CLIs such as codex wait for EOF). Without it stdin is ignored. */
  stdin?: string;
  /** End the whole process group after this long (0 or undefined: no limit). */
  timeoutMs?: number;
  /** Between TERM and KILL when the group is ended (default 4000). */
  graceMs?: number;
  /** Per stream; past it the oldest output is dropped, so the tail (where CLIs print results and errors) is kept. Default 8 MiB. */
  maxOutputBytes?: number;
  /** Aborting ends the whole process group, like a timeout. */
  signal?: AbortSignal;
}

export interface SupervisedRun {
  /** Why the wait ended: the process exited, the timeout, or the abort signal. */
  ending: 'exit' | 'timeout' | 'aborted';
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Bytes dropped from the start of each stream because of `maxOutputBytes`. */
  stdoutDropped: number;
  stderrDropped: number;
  durationMs: number;
  pid: number;
}

const DEFAULT_MAX_OUTPUT = 8 * 1024 * 1024;
/** After the leader exits, how long its pipes may stay open (held by a child it left behind) before we stop reading. */
const PIPE_CLOSE_MS = 2_000;

/**
 * Runs a CLI to its end in its own process group, with its stdin given and closed, its stdout and stderr
 * captured (bounded), and an outer timeout that ends the whole group (TERM, grace, KILL) — for one-shot
 * agent calls such as a plan review, where the caller needs the output rather than a log file. Whatever
 * ends the wait, nothing of the group is left running when this returns.
 *
 * @example
 * const run = await runSupervised({ bin: 'gemini', args: ['-p', 'Review', '-o', 'json'], cwd, stdin: bundle, timeoutMs: 600_000 });
 * if (run.ending === 'timeout') throw new Error('no answer in time');
 */
export async function runSupervised(options: RunSupervisedOptions): Promise<SupervisedRun> {
  const startedAt = Date.now();
  const child = execa(options.bin, options.args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: options.extendEnv ?? true,
    detached: true,
    cleanup: false,
    reject: false,
    buffer: false,
    stdin: options.stdin === undefined ? 'ignore' : 'pipe',
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const pid = child.pid;
  if (pid === undefined) {
    const failed = await child;
    throw new AgentRunnerError(`${options.bin} could not be started in ${options.cwd} (${failed.code ?? failed.shortMessage})`, {
      hint: 'check that the CLI is installed and the folder exists',
    });
  }
  const cap = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const stdout = new TailBuffer(cap);
  const stderr = new TailBuffer(cap);
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  if (options.stdin !== undefined && child.stdin) {
    child.stdin.on('error', () => undefined); // A CLI that exits before reading its input.
    child.stdin.end(options.stdin);
  }

  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = new AbortController();
  const ending = await Promise.race([
    exited.then(() => 'exit' as const),
    timeoutAfter(options.timeoutMs ?? 0, stop.signal).then(() => 'timeout' as const),
    abortedBy(options.signal, stop.signal).then(() => 'aborted' as const),
  ]);
  stop.abort();
  // The leader may be gone while helpers it started still run: the group is ended in every case.
  if (ending !== 'exit' || (await processGroupMembers(pid)).length > 0) {
    await terminateProcessGroup(pid, { graceMs: options.graceMs ?? 4_000 });
  }
  const exit = await exited;
  await closedOrGiveUp(child, closed);
  await child;
  return {
    ending,
    exitCode: exit.code,
    signal: exit.signal,
    stdout: stdout.text(),
    stderr: stderr.text(),
    stdoutDropped: stdout.dropped,
    stderrDropped: stderr.dropped,
    durationMs: Date.now() - startedAt,
    pid,
  };
}

/** Keeps the last `cap` bytes of a stream. */
class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  dropped = 0;

  constructor(private readonly cap: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.cap && this.chunks.length > 0) {
      const excess = this.size - this.cap;
      const first = this.chunks[0]!;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
        this.dropped += first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.size -= excess;
        this.dropped += excess;
      }
    }
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Waits for the pipes to close; a process outside the group that still holds them is not waited for. */
async function closedOrGiveUp(child: ReturnType<typeof execa>, closed: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), PIPE_CLOSE_MS)));
  if ((await Promise.race([closed, late])) === 'late') {
    child.stdout?.destroy();
    child.stderr?.destroy();
  }
  clearTimeout(timer);
}
