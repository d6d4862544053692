import { type AgentCliSpec, helpHasFlag, parseVersion, probeCli } from '../cli-probe.js';

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

/** The npm package that installs the Codex CLI. */
export const CODEX_PACKAGE = '@openai/codex';

/** The Codex CLI: its headless flags are listed by `codex exec --help`. */
export const CODEX_CLI: AgentCliSpec = { name: 'codex', envVar: 'CODEX_BIN', install: `npm install -g ${CODEX_PACKAGE}`, helpArgs: ['exec', '--help'] };

/**
 * Probes a codex binary once and caches the answer (probeCli: in memory for this process, and on disk keyed
 * by the binary's path, size and mtime), so every orchestrator start does not pay for two codex runs. Flags
 * that a version lacks (codex 0.169 has no `--full-auto`) are then never passed.
 *
 * @example
 * const caps = await probeCodex(findCodex());
 * if (!caps.fullAuto) console.log('this codex has no --full-auto');
 */
export async function probeCodex(bin: string, options: { cacheDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CodexCapabilities> {
  const probe = await probeCli(CODEX_CLI, bin, options);
  return parseCapabilities(bin, probe.version, probe.help);
}

/** Reads the capabilities from the two outputs (pure, for tests). */
export function parseCapabilities(bin: string, versionText: string, execHelp: string): CodexCapabilities {
  const has = (flag: string) => helpHasFlag(execHelp, flag);
  return {
    bin,
    version: parseVersion(versionText),
    fullAuto: has('--full-auto'),
    bypassSandbox: has('--dangerously-bypass-approvals-and-sandbox'),
    skipGitRepoCheck: has('--skip-git-repo-check'),
    addDir: has('--add-dir'),
    json: has('--json'),
    outputLastMessage: has('--output-last-message'),
    resume: /^\s+resume\b/m.test(execHelp),
  };
}
