import * as z from 'zod/mini';
import { PlanSchema } from './plan.js';
import { ResultsSchema } from './results.js';
import { AgentPidsSchema, HeartbeatSchema, MetaSchema } from './run-files.js';
import { TaskSchema } from './task.js';
import { VerifyOverridesSchema } from './verify-overrides.js';

/** The files whose JSON Schema planwright publishes, by the name `json-schema --schema` takes. */
export const SCHEMAS = {
  plan: PlanSchema,
  task: TaskSchema,
  results: ResultsSchema,
  meta: MetaSchema,
  heartbeat: HeartbeatSchema,
  'agent-pids': AgentPidsSchema,
  'verify-overrides': VerifyOverridesSchema,
} as const;
export type SchemaName = keyof typeof SCHEMAS;

/** Where the published schemas live, for `$id` and for a plan's `$schema`. */
export const SCHEMA_BASE_URL = 'https://unpkg.com/@planwright/plan-schema/dist/schemas/';

/**
 * The JSON Schema (draft 2020-12) of one file format, generated from its zod schema. Unknown keys are
 * allowed everywhere (`additionalProperties: {}`), as the tools keep them.
 */
export function jsonSchemaFor(name: SchemaName): Record<string, unknown> {
  const generated = z.toJSONSchema(SCHEMAS[name], { io: 'input', target: 'draft-2020-12' });
  return { ...generated, $id: `${SCHEMA_BASE_URL}${name}.schema.json`, title: `planwright ${name}` };
}
