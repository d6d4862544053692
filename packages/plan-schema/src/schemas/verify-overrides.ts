import * as z from 'zod/mini';
import { StringListSchema } from './common.js';

/** Fields of a generated task that an overrides file may replace. */
export const TaskOverrideSchema = z.looseObject({
  verify: z.optional(StringListSchema),
  expected_files: z.optional(StringListSchema),
  done_criteria: z.optional(StringListSchema),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
});
export type TaskOverride = z.infer<typeof TaskOverrideSchema>;

/** The `--verify-overrides` file of `specflow plan`: defaults, then overrides by task id or exact title. */
export const VerifyOverridesSchema = z.looseObject({
  default_verify: z.optional(StringListSchema),
  by_task_id: z.optional(z.record(z.string(), TaskOverrideSchema)),
  by_title: z.optional(z.record(z.string(), TaskOverrideSchema)),
});
export type VerifyOverrides = z.infer<typeof VerifyOverridesSchema>;
