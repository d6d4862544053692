import { PlanwrightError, type PlanwrightErrorOptions } from '@planwright/cli-kit';

export interface GitErrorDetails extends Pick<PlanwrightErrorOptions, 'exitCode' | 'hint' | 'cause'> {
  /** The arguments git was called with (without `git`). */
  args: string[];
  /** The folder git ran in. */
  cwd: string;
  stderr: string;
  stdout?: string;
  /** git's own exit code; undefined when git could not be started. */
  gitExitCode?: number;
}

/**
 * A git command that failed. The message is one line, `git <command> failed in <cwd>: <what git said>`
 * (or a plainer sentence when the cause is known), and the full output is kept for callers.
 */
export class GitError extends PlanwrightError {
  override name = 'GitError';
  readonly args: string[];
  readonly cwd: string;
  readonly stderr: string;
  readonly stdout: string;
  /** Not `exitCode`: that one is the CLI's exit code, inherited from PlanwrightError. */
  readonly gitExitCode: number | undefined;

  constructor(message: string, details: GitErrorDetails) {
    super(message, { exitCode: details.exitCode, hint: details.hint, cause: details.cause });
    this.args = details.args;
    this.cwd = details.cwd;
    this.stderr = details.stderr;
    this.stdout = details.stdout ?? '';
    this.gitExitCode = details.gitExitCode;
  }
}

/** The line of git's output worth showing: the first `fatal:`/`error:` line, else the first line. */
export function firstGitLine(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const line = lines.find((candidate) => /^(fatal|error):/.test(candidate)) ?? lines[0] ?? '';
  return line.replace(/^(fatal|error):\s*/, '');
}
