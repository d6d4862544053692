import { execa } from 'execa';
import type { AgentCheck } from './agent-check.js';
import { type AgentCliSpec, type CliProbe, findAgentCli, probeCli } from './cli-probe.js';

/**
 * An agent's check from its probe: installed with its version and flags, or not installed and why (the
 * probe's own message: `claude not found on PATH`, `GEMINI_BIN=...: no such executable`).
 */
export async function checkFromProbe(agent: string, probe: () => Promise<{ bin: string; version: string; flags: Record<string, boolean> }>): Promise<AgentCheck> {
  try {
    const { bin, version, flags } = await probe();
    return { agent, installed: true, bin, version, flags };
  } catch (error) {
    return { agent, installed: false, flags: {}, problem: (error as Error).message };
  }
}

/**
 * The check of a CLI whose flags come from `--help`: found (`$<VAR>` or PATH), probed once (cached), and
 * each flag planwright passes named with whether this version has it (`flags`: flag -> capability).
 */
export function checkHelpFlags<Caps>(
  spec: AgentCliSpec,
  env: NodeJS.ProcessEnv,
  parse: (bin: string, version: string, help: string) => Caps,
  flags: Record<string, keyof Caps>,
  probe: (bin: string) => Promise<CliProbe> = (bin) => probeCli(spec, bin, { env }),
): Promise<AgentCheck> {
  return checkFromProbe(spec.name, async () => {
    const probed = await probe(findAgentCli(spec, env));
    const caps = parse(probed.bin, probed.version, probed.help);
    const has = Object.fromEntries(Object.entries(flags).map(([flag, capability]) => [flag, Boolean(caps[capability])]));
    return { bin: probed.bin, version: probed.version, flags: has };
  });
}

/** A CLI's own login-status command, bounded (15 s) and with stdin ignored: it must never wait for input. */
export function askCli(bin: string, args: string[], env: NodeJS.ProcessEnv) {
  return execa(bin, args, { env, reject: false, timeout: 15_000, stdin: 'ignore' });
}

/** The first line of a command's output. */
export function firstLine(text: unknown): string {
  return String(text ?? '').trim().split('\n')[0] ?? '';
}
