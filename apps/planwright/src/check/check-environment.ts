import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { agentLoginState, agentNpmPackage, agentOptionalFlags, checkAgents, DEFAULT_AGENT, loadOrchestratorConfig, orchestratorConfigPath } from '@planwright/agent-runner';
import { prFolderName } from '@planwright/plan-schema';
import { execa } from 'execa';
import type { CheckItem } from './check-item.js';
import { mcpClientItems } from './mcp-clients-check.js';

export type { CheckItem };

export interface CheckOptions {
  repo?: string;
  pr?: string;
  runRoot?: string;
  /** The code agent the workflow uses (default: orchestrator.toml's `agent`, else codex). */
  agent?: string;
  /** The plan reviewer, when the workflow includes `planwright review`. */
  reviewer?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

const MIN_NODE = [20, 19] as const;

/**
 * Everything a planwright workflow relies on, one item each: Node, git, the config file in effect, each
 * agent CLI (installed, version, the flags planwright passes, logged in), a writable run root, and where
 * each agent CLI has planwright's MCP server configured. Items
 * the chosen workflow needs and lacks are `missing`; the CLI exits 1 on any.
 *
 * @example
 * const { items, ok } = await checkEnvironment({ agent: 'codex', reviewer: 'gemini' });
 */
export async function checkEnvironment(options: CheckOptions = {}): Promise<{ items: CheckItem[]; ok: boolean }> {
  const env = options.env ?? process.env;
  const items: CheckItem[] = [nodeItem(), await gitItem(env)];
  const { item: configItem, agent: configured, runRoot } = await configCheck(env);
  items.push(configItem);
  const agent = options.agent ?? configured ?? DEFAULT_AGENT;
  const needed = new Set([agent, ...(options.reviewer ? [options.reviewer] : [])]);
  for (const check of await checkAgents(env)) {
    const need = needed.has(check.agent);
    if (!check.installed) {
      items.push({ name: check.agent, state: need ? 'missing' : 'note', detail: `not installed: ${check.problem ?? ''} (npm install -g ${agentNpmPackage(check.agent)})` });
      continue;
    }
    // Flags planwright maps around (codex's --full-auto, gone since 0.169) are no problem when absent.
    const optional = agentOptionalFlags(check.agent);
    const lacking = Object.entries(check.flags).filter(([flag, has]) => !has && !optional.includes(flag)).map(([flag]) => flag);
    const login = await agentLoginState(check.agent, check.bin!, env);
    const flags = lacking.length ? `; lacks ${lacking.join(', ')}` : '; flags ok';
    items.push({ name: check.agent, state: need && login.state === 'no' ? 'missing' : 'ok', detail: `${check.version} at ${check.bin}${flags}; ${login.detail}` });
  }
  items.push(await runRootItem(options, runRoot));
  items.push(...(await mcpClientItems({ repo: resolve(options.cwd ?? process.cwd(), options.repo ?? '.'), env })));
  return { items, ok: items.every((item) => item.state !== 'missing') };
}

function nodeItem(): CheckItem {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  const ok = major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
  return { name: 'node', state: ok ? 'ok' : 'missing', detail: ok ? process.versions.node : `${process.versions.node}: planwright needs ${MIN_NODE.join('.')} or later` };
}

async function gitItem(env: NodeJS.ProcessEnv): Promise<CheckItem> {
  const git = await execa('git', ['--version'], { env, reject: false, stdin: 'ignore' });
  return git.exitCode === 0 ? { name: 'git', state: 'ok', detail: String(git.stdout).replace(/^git version /, '') } : { name: 'git', state: 'missing', detail: 'not found on PATH (install git)' };
}

async function configCheck(env: NodeJS.ProcessEnv): Promise<{ item: CheckItem; agent?: string; runRoot?: string }> {
  try {
    const { file, config } = await loadOrchestratorConfig(env);
    return { item: { name: 'config', state: 'ok', detail: file ?? `none (${orchestratorConfigPath(env).file} does not exist; defaults apply)` }, agent: config.agent, runRoot: config.run_root };
  } catch (error) {
    return { item: { name: 'config', state: 'missing', detail: (error as Error).message } };
  }
}

/**
 * Writes and removes a file where the runs will go (or, when that folder does not exist yet, in the
 * nearest folder above it that does): the only way to know it is writable, and nothing is left behind.
 */
async function runRootItem(options: CheckOptions, configured: string | undefined): Promise<CheckItem> {
  const cwd = options.cwd ?? process.cwd();
  const repo = resolve(cwd, options.repo ?? '.');
  const root = options.runRoot ?? configured;
  const pr = options.pr === undefined ? undefined : prFolderName({ repo, pr: options.pr });
  const dir = root ? resolve(cwd, root, pr ?? '') : pr ? join(repo, '.plans', pr, 'runs') : join(repo, '.plans');
  const existing = nearestExisting(dir);
  const probe = join(existing, `.planwright-check-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(probe, '', { flag: 'wx' });
    await rm(probe);
    return { name: 'run root', state: 'ok', detail: existing === dir ? `${dir} is writable` : `${dir} can be created (${existing} is writable)` };
  } catch (error) {
    return { name: 'run root', state: 'missing', detail: `${dir} is not writable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message} in ${existing})` };
  }
}

function nearestExisting(dir: string): string {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(current) || dirname(current) === current) return current;
  }
}
