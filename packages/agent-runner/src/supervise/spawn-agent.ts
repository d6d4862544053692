import { closeSync, openSync } from 'node:fs';
import { terminateProcessGroup } from '@planwright/run-store';
import { execa, type Options } from 'execa';
import { AgentRunnerError } from '../errors.js';

export interface SpawnAgentOptions {
  bin: string;
  args: string[];
  cwd: string;
  /** Added to the environment (TERM is always `dumb`: agents must not draw on a terminal). */
  env?: Record<string, string | undefined>;
  /** stdout and stderr are appended here by the agent itself. */
  logPath: string;
  /** Written to the agent's stdin, which is then closed (codex waits for EOF otherwise). */
  stdin?: string;
  /** Give the agent this terminal instead (`--interactive-code`): not detached, stdio inherited. */
  interactive?: boolean;
}

export interface AgentExit {
  code: number | null;
  signal: string | null;
}

/** A running agent: its own process group, its log, and how it ended. */
export interface AgentProcess {
  pid: number;
  /** The agent leads its own process group; ending the group ends its children too. */
  pgid: number;
  startedAt: Date;
  exited: Promise<AgentExit>;
  /** TERM to the whole group, `graceMs` to go, then KILL. Nothing else is signalled. */
  terminate(graceMs: number): Promise<void>;
  /** Let this process exit while the agent keeps running (`--no-wait`). */
  detach(): void;
}

/**
 * Starts an agent detached in its own process group with its output going straight to its log file: the
 * agent does not depend on the orchestrator's pipes, so it survives the orchestrator dying (and keeps
 * logging), and the log never passes through the orchestrator's memory.
 */
export function spawnAgent(options: SpawnAgentOptions): AgentProcess {
  const logFd = options.interactive ? undefined : openSync(options.logPath, 'a');
  try {
    const execaOptions: Options = {
      cwd: options.cwd,
      env: { ...options.env, TERM: options.interactive ? process.env.TERM : 'dumb' },
      detached: !options.interactive,
      cleanup: false,
      reject: false,
      buffer: false,
      stdin: options.interactive ? 'inherit' : options.stdin === undefined ? 'ignore' : 'pipe',
      // execa hands a raw file descriptor straight to the child (its types only list 1 and 2).
      stdout: (logFd ?? 'inherit') as 'inherit',
      stderr: (logFd ?? 'inherit') as 'inherit',
    };
    const child = execa(options.bin, options.args, execaOptions);
    if (child.pid === undefined) {
      throw new AgentRunnerError(`${options.bin} could not be started in ${options.cwd}`, { hint: 'check that the agent CLI is installed and the folder exists' });
    }
    if (options.stdin !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined); // An agent that exits before reading its prompt.
      child.stdin.end(options.stdin);
    }
    const pid = child.pid;
    const exited = child.then((result) => ({ code: result.exitCode ?? null, signal: result.signal ?? null }));
    return {
      pid,
      pgid: pid,
      startedAt: new Date(),
      exited,
      terminate: async (graceMs) => {
        if (options.interactive) child.kill('SIGTERM');
        else await terminateProcessGroup(pid, { graceMs });
      },
      detach: () => child.unref(),
    };
  } finally {
    if (logFd !== undefined) closeSync(logFd);
  }
}
