import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { execa } from 'execa';
import { AgentNotFoundError } from '../errors.js';
import { findOnPath, isExecutable } from './find-on-path.js';

/** An agent CLI found on disk: how to name it in messages, the env var that overrides it, how to install it. */
export interface AgentCliSpec {
  name: string;
  envVar: string;
  install: string;
  /** What prints the flags it accepts; default `--help` (codex: `exec --help`, where its headless flags are). */
  helpArgs?: string[];
}

/** What `<bin> --version` and `<bin> --help` said. */
export interface CliProbe {
  bin: string;
  /** `0.61.0` from `0.61.0`, `2.1.197` from `2.1.197 (Claude Code)`. */
  version: string;
  help: string;
}

/**
 * The binary of an agent CLI: `$<ENV_VAR>` when set, else the first `<name>` on PATH. Found by looking,
 * not by running it, so a missing CLI is reported before anything else happens.
 */
export function findAgentCli(spec: AgentCliSpec, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const explicit = env[spec.envVar];
  if (explicit) {
    const path = isAbsolute(explicit) || explicit.includes('/') ? resolve(cwd, explicit) : findOnPath(explicit, env);
    if (path && isExecutable(path)) return path;
    throw new AgentNotFoundError(`${spec.envVar}=${explicit}: no such executable`, {
      hint: `point ${spec.envVar} at the ${spec.name} binary, or unset it to use ${spec.name} from PATH`,
    });
  }
  const found = findOnPath(spec.name, env);
  if (found) return found;
  throw new AgentNotFoundError(`${spec.name} not found on PATH`, { hint: `install it: ${spec.install} (or set ${spec.envVar})` });
}

const memo = new Map<string, Promise<CliProbe>>();

/**
 * Runs `<bin> --version` and `<bin> --help` (or the spec's helpArgs) once per binary and caches the
 * answer, in memory and on disk (keyed by the binary's path, size and mtime): agent CLIs take a second or
 * two to start, and every orchestrator start would otherwise pay for it.
 */
export function probeCli(spec: AgentCliSpec, bin: string, options: { cacheDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliProbe> {
  const key = `${binaryKey(bin)}:${helpArgsOf(spec).join(' ')}`;
  let pending = memo.get(key);
  if (!pending) {
    pending = probeWithDiskCache(spec, bin, key, options);
    memo.set(key, pending);
    pending.catch(() => memo.delete(key));
  }
  return pending;
}

/** Whether a `--help` text lists `flag` (as `--flag`, `--flag <x>`, `-x, --flag`). */
export function helpHasFlag(help: string, flag: string): boolean {
  return new RegExp(`(^|[\\s,])${flag.replace(/-/g, '\\-')}([\\s,=<\\[]|$)`, 'm').test(help);
}

/** The first `x.y.z` of a `--version` output. */
export function parseVersion(text: string): string {
  return /(\d+\.\d+\.\d+[\w.-]*)/.exec(text)?.[1] ?? text.trim().split('\n')[0] ?? '';
}

async function probeWithDiskCache(spec: AgentCliSpec, bin: string, key: string, options: { cacheDir?: string; env?: NodeJS.ProcessEnv }): Promise<CliProbe> {
  const env = options.env ?? process.env;
  const cacheFile = join(options.cacheDir ?? join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'planwright'), `${spec.name}-${hash(key)}.json`);
  try {
    const cached = JSON.parse(await readFile(cacheFile, 'utf8')) as CliProbe & { key?: string };
    if (cached.key === key) return { bin: cached.bin, version: cached.version, help: cached.help };
  } catch {
    // No cache yet, or an unreadable one: probe.
  }
  const run = (args: string[]) => execa(bin, args, { reject: false, timeout: 30_000, stdin: 'ignore', env });
  const [version, help] = await Promise.all([run(['--version']), run(helpArgsOf(spec))]);
  if (version.exitCode !== 0) {
    const said = String(version.stderr ?? '').trim().split('\n')[0] ?? '';
    throw new AgentNotFoundError(`${bin} --version failed (exit ${version.exitCode ?? version.signal})${said ? `: ${said}` : ''}`, { hint: `reinstall it: ${spec.install}` });
  }
  const probe: CliProbe = { bin, version: parseVersion(String(version.stdout)), help: String(help.stdout) };
  await mkdir(dirname(cacheFile), { recursive: true })
    .then(() => writeFile(cacheFile, JSON.stringify({ ...probe, key })))
    .catch(() => undefined); // A read-only cache dir only costs a probe next time.
  return probe;
}

function helpArgsOf(spec: AgentCliSpec): string[] {
  return spec.helpArgs ?? ['--help'];
}

function binaryKey(bin: string): string {
  try {
    const stat = statSync(bin);
    return `${bin}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return bin;
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
