import { execa } from 'execa';

/** The columns of a psLine, in order. */
export const PS_COLUMNS = 'PID PGID ELAPSED STAT COMMAND';

/**
 * The `ps -o pid,pgid,etime,stat,command -p <pid>` line of a process (columns separated by one space,
 * the command as ps shows it), or undefined when it is not running. For people (doctor), not for parsing.
 */
export async function psLine(pid: number): Promise<string | undefined> {
  const { stdout, exitCode } = await execa('ps', ['-o', 'pid,pgid,etime,stat,command', '-p', String(pid)], {
    reject: false,
    env: { LC_ALL: 'C' },
  });
  const line = stdout.split('\n')[1];
  if (exitCode !== 0 || !line?.trim()) return undefined;
  const match = /^\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(.*)$/.exec(line);
  return match ? `${match.slice(1, 5).join(' ')} ${match[5]}` : line.trim();
}
