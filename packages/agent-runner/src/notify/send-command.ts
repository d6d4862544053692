import { terminateProcessGroup } from '@planwright/run-store';
import { execa } from 'execa';
import { placeholderValues, type NotifyMessage } from './notify-event.js';

/** The command's argv: each template word with its placeholders filled in (one word stays one argument). */
export function commandArgv(words: readonly string[], message: NotifyMessage): string[] {
  const values = placeholderValues(message);
  return words.map((word) => word.replace(/\{([a-z_]+)\}/g, (_, name: string) => values[name] ?? ''));
}

/** Runs a command target, its template filled in from the message. */
export async function sendCommand(words: readonly string[], message: NotifyMessage, options: RunProgramOptions): Promise<void> {
  await runProgram(commandArgv(words, message), options);
}

export interface RunProgramOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
}

/**
 * Runs a program without a shell, in its own process group, ended as a group after `timeoutMs`. Throws
 * with the exit code and the end of its stderr when it fails.
 */
export async function runProgram(argv: readonly string[], options: RunProgramOptions): Promise<void> {
  const [program, ...args] = argv;
  const child = execa(program!, args, { cwd: options.cwd, env: options.env, detached: true, cleanup: false, reject: false, stdin: 'ignore', stdout: 'ignore', stderr: 'pipe', maxBuffer: 64_000 });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid) void terminateProcessGroup(child.pid, { graceMs: 1_000 }).catch(() => undefined);
  }, options.timeoutMs);
  const result = await child;
  clearTimeout(timer);
  if (timedOut) throw new Error(`${program}: no answer after ${options.timeoutMs / 1000}s, ended`);
  if (result.failed || result.exitCode !== 0) {
    const said = String(result.stderr ?? '').trim().split('\n').slice(-2).join(' ');
    const why = result.exitCode === undefined ? result.shortMessage : `exit ${result.exitCode}`;
    throw new Error(`${program}: ${why}${said ? `: ${said}` : ''}`);
  }
}
