import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import { parse, TomlError } from 'smol-toml';
import * as z from 'zod/mini';
import { APPROVAL_POLICIES, SANDBOX_MODES } from '../adapters/access.js';
import { AGENT_CONFIG_KEYS, AgentConfigSchema, checkAgentsConfig, describeIssue } from './agents-config.js';
import { coerceConfigValues } from './coerce-config.js';
import { expandPath } from './expand-path.js';

/** Defaults a user may set once for every run, in orchestrator.toml (the Python kit's keys). */
export const OrchestratorConfigSchema = z.looseObject({
  compact_run: z.optional(z.boolean()),
  run_root: z.optional(z.string()),
  reuse_run: z.optional(z.boolean()),
  ensure_git: z.optional(z.boolean()),
  baseline_commit: z.optional(z.boolean()),
  git_branch: z.optional(z.string()),
  gitignore_runs: z.optional(z.boolean()),
  stream_agent_output: z.optional(z.boolean()),
  timeout_minutes: z.optional(z.number().check(z.nonnegative())),
  timeout_grace_seconds: z.optional(z.number().check(z.nonnegative())),
  heartbeat_interval_seconds: z.optional(z.number().check(z.nonnegative())),
  results_grace_seconds: z.optional(z.number().check(z.nonnegative())),
  sandbox: z.optional(z.enum(SANDBOX_MODES)),
  approval: z.optional(z.enum(APPROVAL_POLICIES)),
  model: z.optional(z.string()),
  /** `--handshake-reminders`: reminder turns for an agent that ends without valid results (planwright only). */
  handshake_reminders: z.optional(z.int().check(z.nonnegative())),
  /** The default agent: codex, gemini, claude or a custom one (`--agent` and a task's `agent` win). */
  agent: z.optional(z.string()),
  /** `[agents.<name>]`: custom agents, and settings of the built-in ones. */
  agents: z.optional(z.record(z.string(), AgentConfigSchema)),
});
export type OrchestratorConfig = z.infer<typeof OrchestratorConfigSchema>;

/** The keys whose values the kit converted (see coerce-config.ts), read off the schema. */
const KIT_TYPED_KEYS = {
  booleans: keysOfType('boolean'),
  numbers: keysOfType('number'),
};

export interface LoadedConfig {
  /** The file read, or undefined when there is none. */
  file: string | undefined;
  config: OrchestratorConfig;
  /** What the caller should tell the user once (a `$CODEX_ORCH_CONFIG` naming no file). */
  notes: string[];
}

/**
 * `$CODEX_ORCH_CONFIG`, else `$CODEX_HOME/orchestrator.toml` (CODEX_HOME defaults to ~/.codex); `~`,
 * `$VAR` and `${VAR}` expanded as the kit did.
 */
export function orchestratorConfigPath(env: NodeJS.ProcessEnv = process.env): { file: string; explicit: boolean } {
  if (env.CODEX_ORCH_CONFIG) return { file: resolve(expandPath(env.CODEX_ORCH_CONFIG, env)), explicit: true };
  return { file: join(expandPath(env.CODEX_HOME || '~/.codex', env), 'orchestrator.toml'), explicit: false };
}

/**
 * Reads orchestrator.toml. A missing file is no config, as in the kit (a `$CODEX_ORCH_CONFIG` naming
 * no file comes back as a note to show); invalid TOML (with its line and column) or a key of a type that
 * cannot be converted is a usage error — the kit ignored them silently, which left people wondering why
 * a setting did nothing.
 */
export async function loadOrchestratorConfig(env: NodeJS.ProcessEnv = process.env): Promise<LoadedConfig> {
  const { file, explicit } = orchestratorConfigPath(env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      const notes = explicit ? [`CODEX_ORCH_CONFIG=${env.CODEX_ORCH_CONFIG}: ${file} does not exist; running without an orchestrator config`] : [];
      return { file: undefined, config: {}, notes };
    }
    throw new UsageError(`${file}: cannot read the orchestrator config (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
      hint: explicit ? 'fix or unset CODEX_ORCH_CONFIG' : 'fix the file or remove it',
    });
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    const position = error instanceof TomlError ? `:${error.line}:${error.column}` : '';
    throw new UsageError(`${file}${position}: invalid TOML: ${firstLine((error as Error).message)}`, { hint: 'fix the TOML syntax there' });
  }
  const parsed = OrchestratorConfigSchema.safeParse(coerceConfigValues(data, KIT_TYPED_KEYS), { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const inAgents = issue.path[0] === 'agents';
    throw new UsageError(`${file}: ${issue.path.join('.')}: ${describeIssue(issue)}`, {
      hint: inAgents ? `an [agents.<name>] table takes ${AGENT_CONFIG_KEYS.join(', ')}` : 'see "codex-orchestrate --help" for the settings and their types',
    });
  }
  checkAgentsConfig(parsed.data, file);
  return { file, config: parsed.data, notes: [] };
}

function keysOfType(type: 'boolean' | 'number'): string[] {
  return Object.entries(OrchestratorConfigSchema.shape)
    .filter(([, schema]) => (schema._zod.def as { innerType?: { _zod: { def: { type: string } } } }).innerType?._zod.def.type === type)
    .map(([key]) => key);
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
