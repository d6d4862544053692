/** What starting git came to: its output (the final newline dropped), or why it could not start. */
export interface Spawned {
  stdout: string;
  stderr: string;
  /** Undefined when git could not start, or was ended by a signal. */
  exitCode?: number;
  code?: string;
  cause?: unknown;
}

/** How a git command is started: where, with which environment (the whole of it). */
export interface Launch {
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** The text of git's output without its final newline, as execa gives it. */
export function withoutFinalNewline(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text;
}
