import { UsageError } from '@planwright/cli-kit';
import { type AgentConfig, checkAgentsConfig, isBuiltinAgent, knownAgentNames } from '../config/agents-config.js';
import type { OrchestratorConfig } from '../config/orchestrator-config.js';
import type { AgentAdapter, BuiltinAdapter, LaunchContext } from './adapter.js';
import { AGENTS } from './agents.js';
import { customAdapter } from './custom/custom-adapter.js';

export interface CreateAdapterOptions {
  /** The config file the settings came from, for messages (default `orchestrator.toml`). */
  configFile?: string;
  /** Where probe caches and gemini's settings homes live (default `$XDG_CACHE_HOME/planwright`). */
  cacheDir?: string;
}

/**
 * The adapter for an agent name: a built-in agent of the registry (`AGENTS`: codex, gemini, claude...), or
 * a custom agent of the config's `[agents.<name>]` tables. A table's `model` is the default when the run
 * names none, its `env` is added to the agent's environment. An unknown name is a usage error listing the
 * known agents.
 *
 * @example
 * const { config, file } = await loadOrchestratorConfig();
 * const adapter = createAdapter(args.agent ?? task.agent ?? config.agent ?? 'codex', config, { configFile: file });
 */
export function createAdapter(name: string, config: OrchestratorConfig = {}, options: CreateAdapterOptions = {}): AgentAdapter {
  const file = options.configFile ?? 'orchestrator.toml';
  checkAgentsConfig(config, file);
  const table: AgentConfig = config.agents?.[name] ?? {};
  if (isBuiltinAgent(name)) return withTable(AGENTS[name]({ maxRetries: table.max_retries, cacheDir: options.cacheDir }), table);
  if (table.command) return withTable(customAdapter(name, { command: table.command, stdin: table.stdin, events: table.events, env: table.env }, { configFile: file }), { model: table.model });
  throw new UsageError(`unknown agent "${name}"`, {
    hint: `known agents: ${knownAgentNames(config.agents).join(', ')} (custom agents are [agents.<name>] tables in ${file})`,
  });
}

/** The agent names `createAdapter` accepts with this config. */
export function knownAgents(config: OrchestratorConfig = {}): string[] {
  return knownAgentNames(config.agents);
}

/** Every built-in agent's adapter with default settings, in the registry's order (for check and login). */
export function builtinAdapters(options: Pick<CreateAdapterOptions, 'cacheDir'> = {}): BuiltinAdapter[] {
  return Object.values(AGENTS).map((factory) => factory({ cacheDir: options.cacheDir }));
}

/** A built-in agent's adapter with default settings; undefined for any other name. */
export function builtinAdapter(name: string | undefined, options: Pick<CreateAdapterOptions, 'cacheDir'> = {}): BuiltinAdapter | undefined {
  return name !== undefined && isBuiltinAgent(name) ? AGENTS[name]({ cacheDir: options.cacheDir }) : undefined;
}

/** The table's model as the default, its env added (the adapter's own env, e.g. GEMINI_CLI_HOME, wins). */
function withTable(adapter: AgentAdapter, table: Pick<AgentConfig, 'model' | 'env'>): AgentAdapter {
  if (!table.model && !table.env) return adapter;
  const adjust = (context: LaunchContext): LaunchContext => ({ ...context, model: context.model ?? table.model, env: { ...context.env, ...table.env } });
  const addEnv = <T extends { env?: Record<string, string | undefined> }>(launch: T): T => ({ ...launch, env: { ...table.env, ...launch.env } });
  const { launch, resume, interactive } = adapter;
  return {
    ...adapter,
    launch: async (context) => addEnv(await launch.call(adapter, adjust(context))),
    resume: resume && (async (context, sessionId) => addEnv(await resume.call(adapter, adjust(context), sessionId))),
    interactive: interactive && (async (context) => addEnv(await interactive.call(adapter, adjust(context)))),
  };
}
