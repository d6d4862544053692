import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { AgentNotFoundError } from '../../errors.js';

/** What an installed codex accepts, learned from `codex --version` and `codex exec --help`. */
export interface CodexCapabilities {
  bin: string;
  /** `0.169.0` from `codex-cli 0.169.0`. */
  version: string;
  fullAuto: boolean;
  bypassSandbox: boolean;
  skipGitRepoCheck: boolean;
  addDir: boolean;
  json: boolean;
  outputLastMessage: boolean;
  resume: boolean;
}

const memo = new Map<string, Promise<CodexCapabilities>>();

/**
 * Probes a codex binary once and caches the answer: in memory for this process, and on disk keyed by the
 * binary's path, size and mtime, so every orchestrator start does not pay for two codex runs. Flags that
 * a version lacks (codex 0.169 has no `--full-auto`) are then never passed.
 *
 * @example
 * const caps = await probeCodex(findCodex());
 * if (!caps.fullAuto) console.log('this codex has no --full-auto');
 */
export function probeCodex(bin: string, options: { cacheDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CodexCapabilities> {
  const key = binaryKey(bin);
  let pending = memo.get(key);
  if (!pending) {
    pending = probeWithDiskCache(bin, key, options);
    memo.set(key, pending);
    pending.catch(() => memo.delete(key));
  }
  return pending;
}

async function probeWithDiskCache(bin: string, key: string, options: { cacheDir?: string; env?: NodeJS.ProcessEnv }) {
  const cacheFile = join(options.cacheDir ?? defaultCacheDir(options.env ?? process.env), `codex-${hash(key)}.json`);
  try {
    const cached = JSON.parse(await readFile(cacheFile, 'utf8')) as CodexCapabilities & { key?: string };
    if (cached.key === key) return withoutKey(cached);
  } catch {
    // No cache yet, or an unreadable one: probe.
  }
  const capabilities = await runProbe(bin, options.env);
  await mkdir(dirname(cacheFile), { recursive: true })
    .then(() => writeFile(cacheFile, JSON.stringify({ ...capabilities, key })))
    .catch(() => undefined); // A read-only cache dir only costs a probe next time.
  return capabilities;
}

async function runProbe(bin: string, env?: NodeJS.ProcessEnv): Promise<CodexCapabilities> {
  const run = (args: string[]) => execa(bin, args, { reject: false, timeout: 20_000, stdin: 'ignore', env });
  const [version, help] = await Promise.all([run(['--version']), run(['exec', '--help'])]);
  if (version.exitCode !== 0) {
    throw new AgentNotFoundError(`${bin} --version failed (exit ${version.exitCode ?? version.signal}): ${firstLine(version.stderr)}`, {
      hint: 'reinstall the Codex CLI: npm install -g @openai/codex',
    });
  }
  return parseCapabilities(bin, String(version.stdout), String(help.stdout));
}

/** Reads the capabilities from the two outputs (pure, for tests). */
export function parseCapabilities(bin: string, versionText: string, execHelp: string): CodexCapabilities {
  const has = (flag: string) => new RegExp(`(^|[\\s,])${flag.replace(/-/g, '\\-')}([\\s,=<]|$)`, 'm').test(execHelp);
  return {
    bin,
    version: /(\d+\.\d+\.\d+[\w.-]*)/.exec(versionText)?.[1] ?? versionText.trim(),
    fullAuto: has('--full-auto'),
    bypassSandbox: has('--dangerously-bypass-approvals-and-sandbox'),
    skipGitRepoCheck: has('--skip-git-repo-check'),
    addDir: has('--add-dir'),
    json: has('--json'),
    outputLastMessage: has('--output-last-message'),
    resume: /^\s+resume\b/m.test(execHelp),
  };
}

function binaryKey(bin: string): string {
  try {
    const stat = statSync(bin);
    return `${bin}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return bin;
  }
}

function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'planwright');
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function withoutKey(cached: CodexCapabilities & { key?: string }): CodexCapabilities {
  const { key: _key, ...capabilities } = cached;
  return capabilities;
}

function firstLine(text: unknown): string {
  return String(text ?? '').split('\n')[0] ?? '';
}
