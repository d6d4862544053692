import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { GitError, firstGitLine } from './errors.js';
import { launchGit } from './launch/launch-git.js';
import { hintFor, restateFailure } from './hints.js';

/** What every git-ops function accepts: where to run and extra environment for git. */
export interface GitOptions {
  /** The repository (or a folder inside it). Default: process.cwd(). */
  cwd?: string;
  /** Merged over process.env for every git call (tests pass an isolated git config here). */
  env?: Record<string, string | undefined>;
}

export interface GitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface RunGitOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** git exit codes that are answers rather than failures (such as 1 from `diff --quiet`). */
  okCodes?: number[];
}

/**
 * Runs git with an argument array (never a shell). git may not prompt (there is nobody to answer) and
 * speaks the C locale, so that the messages matched here read the same on every machine.
 */
export async function runGit(args: string[], options: RunGitOptions): Promise<GitResult> {
  const env = { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C' };
  const result = await launchGit({ args, cwd: options.cwd, env });
  const { stdout, stderr } = result;
  if (result.exitCode === undefined) throw startFailure(args, options.cwd, result.code, result.cause);
  if (result.exitCode === 0 || options.okCodes?.includes(result.exitCode)) {
    return { stdout, stderr, exitCode: result.exitCode };
  }
  const said = firstGitLine(stderr) || firstGitLine(stdout) || `exit code ${result.exitCode}`;
  throw new GitError(`git ${commandLabel(args)} failed in ${options.cwd}: ${restateFailure(stderr, said)}`, {
    args,
    cwd: options.cwd,
    stderr,
    stdout,
    gitExitCode: result.exitCode,
    hint: hintFor(stderr),
  });
}

/** The common options as runGit takes them: an absolute cwd (it appears in messages) and the env. */
export function gitContext(options: GitOptions): RunGitOptions {
  return { cwd: resolve(options.cwd ?? process.cwd()), env: options.env };
}

/** `commit`, or `worktree add` for the commands whose first word alone says little. */
function commandLabel(args: string[]): string {
  // The subcommand, past git's own options (`-c key=value`, `--git-dir=...`) that may come first.
  let at = 0;
  while (at < args.length && args[at]!.startsWith('-')) at += args[at] === '-c' ? 2 : 1;
  const command = args.slice(at);
  return command[0] === 'worktree' || command[0] === 'stash' ? command.slice(0, 2).join(' ') : (command[0] ?? '');
}

function startFailure(args: string[], cwd: string, code: string | undefined, cause: unknown): Error {
  // A missing cwd is reported as ENOENT too, so tell the two apart before blaming git.
  if (!existsSync(cwd)) return new UsageError(`no such folder: ${cwd}`, { hint: 'check --repo', cause });
  const missing = code === 'ENOENT';
  return new GitError(missing ? 'git is not installed (not found on PATH)' : `git ${commandLabel(args)} could not start in ${cwd}`, {
    args,
    cwd,
    stderr: '',
    hint: missing ? 'install git, https://git-scm.com/downloads' : undefined,
    cause,
  });
}
