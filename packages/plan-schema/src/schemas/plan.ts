import * as z from 'zod/mini';
import { TaskSchema } from './task.js';

/** Links a plan to the OpenSpec change it was made from. */
export const OpenspecLinkSchema = z.looseObject({
  change: z.optional(z.string()),
  proposal: z.optional(z.string()),
  tasks: z.optional(z.string()),
  spec_deltas_dir: z.optional(z.string()),
});

/** plan.json: the goal and the tasks of one PR. Unknown keys are kept at every level. */
export const PlanSchema = z
  .looseObject({
    $schema: z.optional(z.string()),
    goal: z.optional(z.string()),
    created_at: z.optional(z.string()),
    openspec: z.optional(OpenspecLinkSchema),
    orchestrator: z.optional(z.looseObject({ last_sync_at: z.optional(z.nullable(z.string())) })),
    tasks: z.array(TaskSchema),
  })
  .check(z.describe('planwright plan.json (.plans/<PR>/plan.json).'));
export type Plan = z.infer<typeof PlanSchema>;
