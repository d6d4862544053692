import type { AgentCheck, LoginState } from '../adapters/agent-check.js';
import { builtinAdapter, builtinAdapters } from '../adapters/registry.js';

export type { AgentCheck, LoginState } from '../adapters/agent-check.js';

/**
 * Which agent CLIs are installed, their versions, and which of the flags planwright uses they accept
 * (codex from `exec --help`, gemini and claude from `--help`): every agent of the registry, in its order,
 * through the same cached probes the adapters use.
 *
 * @example
 * for (const check of await checkAgents()) console.log(check.agent, check.installed, check.version);
 */
export async function checkAgents(env: NodeJS.ProcessEnv = process.env): Promise<AgentCheck[]> {
  return Promise.all(builtinAdapters().map((adapter) => adapter.check(env)));
}

/**
 * Whether a built-in agent's CLI at `bin` can reach its model, asked the way that CLI can tell (codex and
 * claude have a status command; gemini's key variables and login file are looked at). `unknown` for any
 * other agent.
 *
 * @example
 * const login = await agentLoginState('codex', '/usr/local/bin/codex', process.env); // { state: 'yes', detail }
 */
export async function agentLoginState(agent: string, bin: string, env: NodeJS.ProcessEnv): Promise<LoginState> {
  return builtinAdapter(agent)?.loginState(bin, env) ?? { state: 'unknown', detail: 'login state unknown' };
}

/** The npm package of a built-in agent, for install hints; undefined for any other agent. */
export function agentNpmPackage(agent: string): string | undefined {
  return builtinAdapter(agent)?.npmPackage;
}

/** Flags of a built-in agent's check whose absence is no problem (planwright maps around them). */
export function agentOptionalFlags(agent: string): readonly string[] {
  return builtinAdapter(agent)?.optionalFlags ?? [];
}
