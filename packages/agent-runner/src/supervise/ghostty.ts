import { readFileSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessAlive, terminateProcessGroup } from '@planwright/run-store';
import { execa } from 'execa';
import { AgentRunnerError } from '../errors.js';
import type { AgentExit, AgentProcess } from './spawn-agent.js';

export interface GhosttyLaunchOptions {
  taskId: string;
  bin: string;
  args: string[];
  cwd: string;
  promptFile: string;
  logPath: string;
  logsDir: string;
  keepOpen: boolean;
  env?: NodeJS.ProcessEnv;
  /** The agent reads its prompt on stdin (codex); otherwise stdin is /dev/null (gemini, claude take it as an argument). */
  promptOnStdin?: boolean;
  /** How long to wait for the new window to start the launcher. */
  startTimeoutMs?: number;
}

/** The launcher script run in the Ghostty window: agent output shown there and appended to its log. */
export function launcherScript(options: GhosttyLaunchOptions, pidFile: string): string {
  const command = [options.bin, ...options.args].map(shellQuote).join(' ');
  const lines = [
    '#!/usr/bin/env bash',
    'set -uo pipefail',
    `echo "$$" > ${shellQuote(pidFile)}`,
    `cd ${shellQuote(options.cwd)}`,
    `echo ${shellQuote(`--- planwright: ${options.taskId} in this window (log: ${options.logPath}) ---`)}`,
    `TERM=dumb ${command} < ${shellQuote(options.promptOnStdin === false ? '/dev/null' : options.promptFile)} 2>&1 | tee -a ${shellQuote(options.logPath)}`,
    'status=${PIPESTATUS[0]}',
  ];
  if (options.keepOpen) {
    lines.push('echo', 'echo "--- the agent exited ($status); press any key to close this window ---"', 'read -r -n 1 -s');
  }
  lines.push('exit "$status"');
  return `${lines.join('\n')}\n`;
}

/** The command that opens a new Ghostty window running `args` (macOS needs `open` and `+new-window`). */
export function ghosttyCommand(args: string[], platform = process.platform): [string, string[]] {
  return platform === 'darwin' ? ['open', ['-na', 'Ghostty.app', '--args', '+new-window', ...args]] : ['ghostty', args];
}

/**
 * `--ghostty`: writes logs/launch_<id>.sh and opens it in a new Ghostty window. The launcher records its
 * pid, which leads the process group of the agent in that window, so the orchestrator can still time it
 * out and end it like any other agent.
 */
export async function launchInGhostty(options: GhosttyLaunchOptions): Promise<AgentProcess> {
  await mkdir(options.logsDir, { recursive: true });
  const launcher = join(options.logsDir, `launch_${options.taskId}.sh`);
  const pidFile = join(options.logsDir, `launch_${options.taskId}.pid`);
  await writeFile(launcher, launcherScript(options, pidFile));
  await chmod(launcher, 0o755);
  const [bin, args] = ghosttyCommand(['-e', '/bin/bash', launcher]);
  const opened = await execa(bin, args, { reject: false, detached: true, cleanup: false, stdio: 'ignore', env: options.env });
  if (opened.failed && opened.exitCode === undefined) {
    throw new AgentRunnerError(`--ghostty: could not start ${bin} (${opened.code ?? opened.shortMessage})`, { hint: 'install Ghostty, or run without --ghostty' });
  }
  const pid = await waitForPid(pidFile, options.startTimeoutMs ?? 30_000);
  const startedAt = new Date();
  return {
    pid,
    pgid: pid,
    startedAt,
    exited: waitForExit(pid),
    terminate: async (graceMs) => void (await terminateProcessGroup(pid, { graceMs })),
    detach: () => undefined,
  };
}

async function waitForPid(file: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid > 0) return pid;
    } catch {
      // Not written yet.
    }
    if (Date.now() > deadline) throw new AgentRunnerError(`--ghostty: the window did not start the launcher within ${timeoutMs / 1000}s (no ${file})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The launcher is not our child, so its end is seen by polling. */
function waitForExit(pid: number): Promise<AgentExit> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (!isProcessAlive(pid)) {
        clearInterval(timer);
        resolve({ code: null, signal: null });
      }
    }, 250);
  });
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}
