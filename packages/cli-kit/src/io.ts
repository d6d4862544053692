/** Where a CLI writes. `out`/`err` take whole lines (a newline is added). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Raw text to stdout, no newline added (cursor movement for live views); absent where not wanted. */
  write?(text: string): void;
  /** True when stdout is a terminal: progress and colour are allowed. */
  readonly stdoutIsTTY: boolean;
  /** True when stdin is a terminal: only then may a command ask a question. */
  readonly stdinIsTTY: boolean;
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(withNewline(text)),
    err: (text) => void process.stderr.write(withNewline(text)),
    write: (text) => void process.stdout.write(text),
    // Getters: touching process.stdin sets up a stream, which costs more start-up time than most
    // commands take to run; only commands that may prompt ask.
    get stdoutIsTTY() {
      return process.stdout.isTTY === true;
    },
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
  };
}

/** An in-memory io, for tests and for rendering help at build time. */
export interface CapturedIo extends CliIo {
  readonly stdout: string;
  readonly stderr: string;
}

export function captureIo(): CapturedIo {
  let stdout = '';
  let stderr = '';
  return {
    out: (text) => void (stdout += withNewline(text)),
    err: (text) => void (stderr += withNewline(text)),
    stdoutIsTTY: false,
    stdinIsTTY: false,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}

/** Prints one JSON document (2-space indent), the `--json` output of every command. */
export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
