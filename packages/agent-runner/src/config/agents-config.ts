import { UsageError } from '@planwright/cli-kit';
import * as z from 'zod/mini';
import { AGENTS } from '../adapters/agents.js';
import { checkTemplates, CUSTOM_EVENTS, CUSTOM_STDIN } from '../adapters/custom/custom-adapter.js';

/** The agents planwright knows without configuration: the registry's names. */
export type BuiltinAgent = keyof typeof AGENTS;
export const BUILTIN_AGENTS = Object.keys(AGENTS) as BuiltinAgent[];

/** The registry's names, read when asked (the checks below never keep a copy of the list). */
function builtinAgentNames(): BuiltinAgent[] {
  return Object.keys(AGENTS) as BuiltinAgent[];
}

const StringArraySchema = z.custom<string[]>((value) => Array.isArray(value) && value.every((part) => typeof part === 'string'), {
  error: 'expected an array of strings',
});
const CUSTOM_ONLY = ['command', 'stdin', 'events'] as const;
const AGENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * One `[agents.<name>]` table: a custom agent (`command`, `stdin`, `events`, `env`), or settings of a
 * built-in one (`model`, `env`; `max_retries` for those whose adapter takes it: gemini and claude).
 */
export const AgentConfigSchema = z.strictObject({
  command: z.optional(StringArraySchema),
  stdin: z.optional(z.enum(CUSTOM_STDIN)),
  events: z.optional(z.enum(CUSTOM_EVENTS)),
  env: z.optional(z.record(z.string(), z.string())),
  model: z.optional(z.string()),
  max_retries: z.optional(z.int().check(z.nonnegative())),
});
export type AgentConfig = z.infer<typeof AgentConfigSchema>;

export const AGENT_CONFIG_KEYS = Object.keys(AgentConfigSchema.shape);

export function isBuiltinAgent(name: string): name is BuiltinAgent {
  return Object.hasOwn(AGENTS, name);
}

/** How `max_retries` applies to a built-in agent: `true`, or where its retries are set instead. */
function maxRetriesOf(name: BuiltinAgent): true | { hint: string } {
  return AGENTS[name]({}).maxRetries;
}

/** `gemini and claude`: the built-in agents that take `max_retries`, for messages. */
function retryingAgents(): string {
  const names = builtinAgentNames().filter((name) => maxRetriesOf(name) === true);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? 'no agent');
}

/** Built-in agents, then the custom ones of the config, in its order. */
export function knownAgentNames(agents: Record<string, AgentConfig> | undefined): string[] {
  return [...builtinAgentNames(), ...Object.keys(agents ?? {}).filter((name) => !isBuiltinAgent(name))];
}

/**
 * What the schema cannot say: a custom agent needs a command and only known placeholders, a built-in one
 * takes no command, and the default `agent` must be one of them. Errors name the file and the key.
 */
export function checkAgentsConfig(config: { agent?: string; agents?: Record<string, AgentConfig> }, file: string): void {
  for (const [name, table] of Object.entries(config.agents ?? {})) {
    const where = `${file}: agents.${name}`;
    if (!AGENT_NAME.test(name)) throw new UsageError(`${where}: an agent name is letters, digits, ".", "_" and "-"`, { hint: 'rename the table' });
    if (isBuiltinAgent(name)) {
      const key = CUSTOM_ONLY.find((candidate) => table[candidate] !== undefined);
      if (key) throw new UsageError(`${where}.${key}: ${name} is built in and takes no ${key}`, { hint: `name your own agent differently, e.g. [agents.my-${name}]` });
      const retries = maxRetriesOf(name);
      if (retries !== true && table.max_retries !== undefined) throw new UsageError(`${where}.max_retries: only for ${retryingAgents()}`, { hint: retries.hint });
      continue;
    }
    if (!table.command) throw new UsageError(`${where}.command: required for a custom agent`, { hint: 'command = ["aider", "--message-file", "{prompt_file}", "--yes"]' });
    if (table.max_retries !== undefined) throw new UsageError(`${where}.max_retries: only for ${retryingAgents()}`, { hint: 'pass your command its own retry flag' });
    checkTemplates({ command: table.command, env: table.env, stdin: table.stdin, events: table.events }, where);
  }
  const known = knownAgentNames(config.agents);
  if (config.agent !== undefined && !known.includes(config.agent)) {
    throw new UsageError(`${file}: agent: unknown agent "${config.agent}"`, { hint: `known agents: ${known.join(', ')}` });
  }
}

/** One zod issue as "what is wrong", in the file's own terms. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'custom':
      return issue.message;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown key ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
    case 'too_small':
      return `expected ${String(issue.minimum)} or more`;
    case 'invalid_type':
      if (issue.expected === 'int') return 'expected a whole number';
      if (issue.expected === 'record' || issue.expected === 'object') return 'expected a table';
      return `expected ${issue.expected}`;
    default:
      return issue.message;
  }
}
