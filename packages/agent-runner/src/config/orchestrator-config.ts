import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '@planwright/cli-kit';
import type { Budget } from '@planwright/plan-schema';
import { parse, TomlError } from 'smol-toml';
import * as z from 'zod/mini';
import { ORCHESTRATOR_OPTIONS, type OptionRow, type OptionRows } from '../orchestrate/option-table.js';
import type { TableConfig } from '../orchestrate/option-types.js';
import { AGENT_CONFIG_KEYS, AgentConfigSchema, checkAgentsConfig, describeIssue, type AgentConfig } from './agents-config.js';
import { checkNotifyTargets } from '../notify/check-targets.js';
import { coerceConfigValues } from './coerce-config.js';
import { expandPath } from './expand-path.js';
import { BUDGET_CONFIG_SHAPE, budgetConfigHint, type Price } from './prices-config.js';

/** One option table row with a TOML key, as the schema of its value. */
function tomlValueSchema(row: OptionRow) {
  if (row.repeatable) return z.optional(z.array(z.string()));
  if (row.choices) return z.optional(z.enum(row.choices as readonly [string, ...string[]]));
  // Every numeric setting is a length of time or a count, so none is negative.
  if (row.type === 'number') return z.optional((row.whole ? z.int() : z.number()).check(z.nonnegative()));
  return z.optional(row.type === 'boolean' ? z.boolean() : z.string());
}

const TOML_ROWS = ORCHESTRATOR_OPTIONS.filter((row): row is Extract<OptionRows, { toml: string }> => 'toml' in row);

/**
 * Defaults a user may set once for every run, in orchestrator.toml (the Python kit's keys): the option
 * table's rows with a `toml` key, plus `[agents.<name>]`.
 */
export const OrchestratorConfigSchema = z.looseObject({
  ...Object.fromEntries(TOML_ROWS.map((row) => [row.toml, tomlValueSchema(row)])),
  /** `[agents.<name>]`: custom agents, and settings of the built-in ones. */
  agents: z.optional(z.record(z.string(), AgentConfigSchema)),
  ...BUDGET_CONFIG_SHAPE,
});
/** orchestrator.toml as read: the table's keys (`agent` names the default agent), `agents`, and any other key kept. */
export type OrchestratorConfig = TableConfig & { agents?: Record<string, AgentConfig>; prices?: Record<string, Price>; task_budget?: Budget } & Record<string, unknown>;

/** The keys whose values the kit converted (see coerce-config.ts), read off the option table. */
const KIT_TYPED_KEYS = {
  booleans: TOML_ROWS.filter((row) => row.type === 'boolean').map((row) => row.toml),
  numbers: TOML_ROWS.filter((row) => row.type === 'number').map((row) => row.toml),
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
      hint: inAgents ? `an [agents.<name>] table takes ${AGENT_CONFIG_KEYS.join(', ')}` : (budgetConfigHint(issue.path[0]) ?? 'see "codex-orchestrate --help" for the settings and their types'),
    });
  }
  checkAgentsConfig(parsed.data, file);
  if (parsed.data.notify) checkNotifyTargets(parsed.data.notify as string[], (index) => `${file}: notify.${index}`);
  return { file, config: parsed.data as OrchestratorConfig, notes: [] };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
