import * as z from 'zod/mini';
import { StringListSchema, nullableInt, nullableString } from './common.js';

/** What a task's results file may say. `timeout` is written by the orchestrator only. */
export const RESULT_STATUSES = ['completed', 'partial', 'failed', 'blocked', 'timeout'] as const;
export const ResultStatusSchema = z.enum(RESULT_STATUSES);
export type ResultStatus = z.infer<typeof ResultStatusSchema>;

/**
 * results/<id>.json, the handshake: written by the agent, or by the orchestrator as a fallback (then with
 * generated_by, generated_at, note, exit_code, log_path, log_tail). Anything else the agent adds is kept.
 * A file read with repairs (a code fence, comments...) or moved in from the code dir says so in
 * `repaired` and `moved_from`.
 */
export const ResultsSchema = z.looseObject({
  task_id: z.string(),
  run_id: z.string(),
  status: ResultStatusSchema,
  summary: z.optional(z.string()),
  files_changed: z.optional(StringListSchema),
  notes: z.optional(z.unknown()),
  generated_by: nullableString(),
  generated_at: nullableString(),
  note: nullableString(),
  exit_code: nullableInt(),
  log_path: nullableString(),
  log_tail: nullableString(),
  /** How a malformed file was read (bom, code_fence, comments, trailing_commas); absent for plain JSON. */
  repaired: z.optional(StringListSchema),
  /** Where the orchestrator found the file before it moved it into the run folder (the code dir, the repo root). */
  moved_from: nullableString(),
});
export type Results = z.infer<typeof ResultsSchema>;
