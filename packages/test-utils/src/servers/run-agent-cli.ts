// Test helper (not exported): runs one agent CLI to its end and reads its JSONL output.
import { execa } from 'execa';
import { type AgentCliName, agentCliPath } from './agent-cli-path.js';

export interface AgentRun {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  /** stdout's JSON lines, parsed (other lines skipped). */
  events: any[];
}

/**
 * Runs the real `name` CLI with `args` in `cwd`, stdin given and closed, and a timeout that ends the whole
 * process group; the test fails with the CLI's output if it runs out of time.
 */
export async function runAgentCli(name: AgentCliName, args: string[], options: { cwd: string; env: Record<string, string | undefined>; input?: string; timeoutMs?: number }): Promise<AgentRun> {
  const subprocess = execa(agentCliPath(name), args, {
    cwd: options.cwd,
    env: options.env,
    input: options.input ?? '',
    reject: false,
    timeout: options.timeoutMs ?? 60_000,
    forceKillAfterDelay: 2_000,
    // Its own process group, so whatever the CLI started can be ended with it.
    detached: true,
  });
  const result = await subprocess;
  if (subprocess.pid !== undefined) {
    try {
      // Ends anything of the CLI's left behind (after a timeout, or a helper it did not wait for).
      process.kill(-subprocess.pid, 'SIGKILL');
    } catch {
      // The group is gone already: the usual case.
    }
  }
  if (result.timedOut) {
    throw new Error(`${name} ${args.join(' ')} timed out\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
  return {
    exitCode: result.exitCode,
    stdout: result.stdout,
    stderr: result.stderr,
    events: parseJsonLines(result.stdout),
  };
}

export function parseJsonLines(text: string): any[] {
  return text.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line)];
    } catch {
      return [];
    }
  });
}
