import { execa } from 'execa';
import { findCodex, findOnPath } from '../adapters/codex/find-codex.js';
import { probeCodex } from '../adapters/codex/probe.js';

export interface AgentCheck {
  agent: 'codex' | 'gemini' | 'claude';
  installed: boolean;
  bin?: string;
  version?: string;
  /** Flags planwright relies on, and whether this version has them. */
  flags: Record<string, boolean>;
  problem?: string;
}

const FLAGS = {
  gemini: ['--prompt', '--output-format', '--approval-mode', '--model', '--resume', '--skip-trust'],
  claude: ['--print', '--output-format', '--verbose', '--permission-mode', '--resume', '--add-dir', '--model'],
} as const;

/**
 * Which agent CLIs are installed, their versions, and which of the flags planwright uses they accept
 * (codex from `exec --help`, the others from `--help`).
 *
 * @example
 * for (const check of await checkAgents()) console.log(check.agent, check.installed, check.version);
 */
export async function checkAgents(env: NodeJS.ProcessEnv = process.env): Promise<AgentCheck[]> {
  return Promise.all([checkCodex(env), checkOther('gemini', env.GEMINI_BIN, env), checkOther('claude', env.CLAUDE_BIN, env)]);
}

async function checkCodex(env: NodeJS.ProcessEnv): Promise<AgentCheck> {
  try {
    const caps = await probeCodex(findCodex(env), { env });
    const { bin, version, ...flags } = caps;
    return { agent: 'codex', installed: true, bin, version, flags: Object.fromEntries(Object.entries(flags).map(([key, value]) => [key, Boolean(value)])) };
  } catch (error) {
    return { agent: 'codex', installed: false, flags: {}, problem: (error as Error).message };
  }
}

async function checkOther(agent: 'gemini' | 'claude', explicit: string | undefined, env: NodeJS.ProcessEnv): Promise<AgentCheck> {
  const bin = explicit ?? findOnPath(agent, env);
  if (!bin) return { agent, installed: false, flags: {}, problem: `${agent} not found on PATH` };
  const [version, help] = await Promise.all([
    execa(bin, ['--version'], { reject: false, timeout: 20_000, stdin: 'ignore', env }),
    execa(bin, ['--help'], { reject: false, timeout: 20_000, stdin: 'ignore', env }),
  ]);
  if (version.exitCode !== 0) return { agent, installed: false, bin, flags: {}, problem: `${bin} --version exited ${version.exitCode}` };
  const text = String(help.stdout);
  const flags = Object.fromEntries(FLAGS[agent].map((flag) => [flag, text.includes(flag)]));
  return { agent, installed: true, bin, version: String(version.stdout).trim().split('\n')[0], flags };
}
