import { type AgentCliSpec, type CliProbe, findAgentCli, probeCli } from '../adapters/cli-probe.js';
import { CLAUDE_CLI, parseClaudeCapabilities } from '../adapters/claude/probe.js';
import { findCodex } from '../adapters/codex/find-codex.js';
import { probeCodex } from '../adapters/codex/probe.js';
import { GEMINI_CLI, parseGeminiCapabilities, probeGeminiCli } from '../adapters/gemini/probe.js';

export interface AgentCheck {
  agent: 'codex' | 'gemini' | 'claude';
  installed: boolean;
  bin?: string;
  version?: string;
  /** Flags planwright relies on, and whether this version has them. */
  flags: Record<string, boolean>;
  problem?: string;
}

/**
 * Which agent CLIs are installed, their versions, and which of the flags planwright uses they accept
 * (codex from `exec --help`, gemini and claude from `--help`), through the same cached probes the
 * adapters use.
 *
 * @example
 * for (const check of await checkAgents()) console.log(check.agent, check.installed, check.version);
 */
export async function checkAgents(env: NodeJS.ProcessEnv = process.env): Promise<AgentCheck[]> {
  return Promise.all([checkCodex(env), checkGemini(env), checkClaude(env)]);
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

async function checkGemini(env: NodeJS.ProcessEnv): Promise<AgentCheck> {
  return checkCli('gemini', GEMINI_CLI, env, probeGeminiCli, (bin, version, help) => {
    const caps = parseGeminiCapabilities(bin, version, help);
    return {
      '--prompt': caps.prompt,
      '--output-format stream-json': caps.streamJson,
      '--approval-mode': caps.approvalMode,
      '--skip-trust': caps.skipTrust,
      '--include-directories': caps.includeDirectories,
      '--model': caps.model,
      '--resume': caps.resume,
    };
  });
}

async function checkClaude(env: NodeJS.ProcessEnv): Promise<AgentCheck> {
  return checkCli('claude', CLAUDE_CLI, env, (bin, probeEnv) => probeCli(CLAUDE_CLI, bin, { env: probeEnv }), (bin, version, help) => {
    const caps = parseClaudeCapabilities(bin, version, help);
    return {
      '--print': caps.print,
      '--output-format': caps.streamJson,
      '--verbose': caps.verbose,
      '--permission-mode': caps.permissionMode,
      '--add-dir': caps.addDir,
      '--model': caps.model,
      '--resume': caps.resume,
    };
  });
}

async function checkCli(
  agent: 'gemini' | 'claude',
  spec: AgentCliSpec,
  env: NodeJS.ProcessEnv,
  probe: (bin: string, env: NodeJS.ProcessEnv) => Promise<CliProbe>,
  flagsOf: (bin: string, version: string, help: string) => Record<string, boolean>,
): Promise<AgentCheck> {
  try {
    const probed = await probe(findAgentCli(spec, env), env);
    return { agent, installed: true, bin: probed.bin, version: probed.version, flags: flagsOf(probed.bin, probed.version, probed.help) };
  } catch (error) {
    return { agent, installed: false, flags: {}, problem: (error as Error).message };
  }
}
