import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { processExists } from '@planwright/cli-kit';
import { withoutFinalNewline, type Launch, type Spawned } from './spawned.js';

/**
 * Where a launcher's temp folder goes: /dev/shm where it can be written (memory, not disk, and apart from
 * TMPDIR, which a command may point at a scratch folder of its own and check it is left empty), else the
 * temp folder.
 */
export function launcherTempRoot(): string {
  try {
    accessSync(SHARED_MEMORY, constants.W_OK);
    if (statSync(SHARED_MEMORY).isDirectory()) return SHARED_MEMORY;
  } catch {
    // No /dev/shm (macOS) or not writable (a sandbox): the temp folder.
  }
  return tmpdir();
}

const SHARED_MEMORY = '/dev/shm';
const PREFIX = 'planwright-git-';

/**
 * The launcher's own folder, `planwright-git-<pid>-XXXXXX`; the folders of processes that are gone (killed
 * before they could remove theirs) are removed first, so none pile up.
 */
function launcherDir(): string {
  const root = launcherTempRoot();
  for (const name of readdirSync(root)) {
    const pid = Number(name.slice(PREFIX.length).split('-')[0]);
    if (name.startsWith(PREFIX) && Number.isInteger(pid) && pid > 0 && !processExists(pid)) rmSync(join(root, name), { recursive: true, force: true });
  }
  return mkdtempSync(join(root, `${PREFIX}${process.pid}-`));
}

/** Names a POSIX shell can export; a variable named otherwise is passed by starting git directly. */
const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A child's stdio stream is a socket, which can stop holding this process alive (`unref`). */
function handle(stream: Readable | Writable): { ref(): void; unref(): void } {
  return stream as unknown as { ref(): void; unref(): void };
}

/** A command's output file, read and then removed. */
function takeFile(path: string): Buffer {
  const bytes = readFileSync(path);
  unlinkSync(path);
  return bytes;
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * git started by a small shell (`/bin/sh`, about 1 MB) that this process keeps, rather than by node:
 * node's spawn forks the whole node process, which costs a 200 MB coordinator or worker 5-6 ms of CPU per
 * git command and stops its event loop until git has started (7 ms on an idle machine, 100 ms and more
 * under load). The shell forks itself instead. Each command runs in a subshell of its own, in the
 * background, so commands run side by side as they would as children of node; its output comes back
 * through two files in a private temp folder, its exit status as a line on the shell's stdout.
 */
export class ShellLauncher {
  /** The shell ended (or never started): the next launch makes a new launcher. */
  dead = false;
  private readonly shell: ChildProcessByStdio<Writable, Readable, null>;
  private readonly dir: string;
  private readonly baseEnv: NodeJS.ProcessEnv;
  private readonly waiting = new Map<number, (status: string) => void>();
  private next = 0;
  private answered = 0;

  constructor() {
    this.baseEnv = { ...process.env };
    this.dir = launcherDir();
    this.shell = spawn('/bin/sh', [], { env: this.baseEnv, stdio: ['pipe', 'pipe', 'ignore'] });
    createInterface({ input: this.shell.stdout }).on('line', (line) => this.answer(line));
    // A Ctrl-C reaches the whole process group: this process decides what to do about it, and the shell
    // goes on answering (git commands it started in the background ignore SIGINT anyway, as POSIX says).
    this.shell.stdin.write("trap '' INT QUIT\n");
    const ended = () => this.ended();
    this.shell.once('error', ended);
    this.shell.once('close', ended);
    this.shell.stdin.on('error', ended);
    // Neither the shell nor its pipes keep this process alive; a command under way does (see refs()).
    this.shell.unref();
    handle(this.shell.stdout).unref();
    handle(this.shell.stdin).unref();
    process.on('beforeExit', this.endWhenIdle);
    process.once('exit', () => this.close());
  }

  /**
   * When this process is about to end by itself, the shell is ended and waited for first, so that it is
   * reaped here and the CPU of the git commands it ran is counted as this process's children's (as it
   * was when node started git). An exit forced otherwise (process.exit, a signal) only ends it.
   */
  private readonly endWhenIdle = () => {
    if (this.waiting.size > 0) return;
    process.off('beforeExit', this.endWhenIdle);
    this.dead = true;
    if (this.shell.exitCode !== null || this.shell.signalCode !== null) return;
    this.shell.ref();
    // `wait` first: the shell reaps its finished subshells (and so counts their CPU) only when asked.
    this.shell.stdin.end('wait; exit 0\n');
  };

  /** The shell's pid (for diagnostics). */
  get pid(): number | undefined {
    return this.shell.pid;
  }

  /** Runs git; undefined when this launcher cannot (an environment name the shell cannot export, or no shell). */
  async launch({ args, cwd, env }: Launch): Promise<Spawned | undefined> {
    if (this.dead) return undefined;
    const id = ++this.next;
    const out = join(this.dir, `${id}.out`);
    const err = join(this.dir, `${id}.err`);
    const exports = this.exportsFor(env);
    if (!exports) return undefined;
    const command = `git ${args.map(quote).join(' ')} >${quote(out)} 2>${quote(err)} </dev/null`;
    // A folder that cannot be entered is told as such, as node's spawn tells a missing cwd (ENOENT).
    const script = `(cd ${quote(resolve(cwd))} 2>/dev/null || { echo "${id} cd"; exit 0; }; ${exports}${command}; echo "${id} $?") &\n`;
    const status = await new Promise<string>((done) => {
      this.waiting.set(id, done);
      this.refs();
      this.shell.stdin.write(script);
    });
    if (status === 'gone') return this.answered === 0 ? undefined : { stdout: '', stderr: '', code: 'EPIPE', cause: new Error('the shell that starts git ended') };
    if (status === 'cd') return { stdout: '', stderr: '', code: existsSync(cwd) ? 'ENOTDIR' : 'ENOENT', cause: new Error(`cannot enter ${cwd}`) };
    // Read and removed synchronously: two small files, in memory where /dev/shm is. Through fs/promises
    // each would be five thread-pool round trips (open, stat, read, read, close) and a removal more.
    const [stdout, stderr] = [takeFile(out), takeFile(err)];
    const exitCode = Number(status);
    // The shell's own "git: not found": git is not installed, as node's spawn would say.
    if (exitCode === 127 && /\bgit: (?:\S+ )?not found/.test(stderr.toString('utf8'))) return { stdout: '', stderr: '', code: 'ENOENT', cause: new Error('git: not found') };
    return { stdout: withoutFinalNewline(stdout), stderr: withoutFinalNewline(stderr), exitCode };
  }

  /** Ends the shell and removes the temp folder (at this process's exit). */
  close(): void {
    this.dead = true;
    process.off('beforeExit', this.endWhenIdle);
    if (this.shell.exitCode === null && this.shell.pid !== undefined) this.shell.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** `export`/`unset` for what differs from the shell's environment; undefined for a name it cannot hold. */
  private exportsFor(env: NodeJS.ProcessEnv): string | undefined {
    const lines: string[] = [];
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined || this.baseEnv[name] === value) continue;
      if (!SHELL_NAME.test(name)) return undefined;
      lines.push(`export ${name}=${quote(value)}; `);
    }
    for (const name of Object.keys(this.baseEnv)) {
      if (env[name] !== undefined) continue;
      if (!SHELL_NAME.test(name)) return undefined;
      lines.push(`unset ${name}; `);
    }
    return lines.join('');
  }

  private answer(line: string): void {
    const space = line.indexOf(' ');
    const id = Number(line.slice(0, space));
    const done = this.waiting.get(id);
    if (!done) return;
    this.answered += 1;
    this.waiting.delete(id);
    // The shell reaps its finished subshells only when a command asks about them: `jobs` does, without
    // waiting for the running ones. Without it each git command would leave a zombie behind.
    if (!this.dead) this.shell.stdin.write('jobs >/dev/null\n');
    this.refs();
    done(line.slice(space + 1));
  }

  private ended(): void {
    if (this.dead && this.waiting.size === 0) return;
    this.dead = true;
    for (const done of this.waiting.values()) done('gone');
    this.waiting.clear();
  }

  /** The shell's stdout holds this process alive exactly while a command is under way. */
  private refs(): void {
    if (this.waiting.size > 0) handle(this.shell.stdout).ref();
    else handle(this.shell.stdout).unref();
  }
}
