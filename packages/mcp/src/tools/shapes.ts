import * as z from 'zod';
import { TaskSchema } from '@planwright/plan-schema';
import { TaskIdInput } from '../plan/task-fields.js';

// Shared pieces of the tools' schemas. Output schemas name the keys a client can count on and let the
// rest through: the document is the CLI's `--json`, which may gain keys.

/** Which PR: its plan is `<repo>/.plans/<pr>/plan.json` in the server's repository. */
export const prInput = z.string().min(1).describe('PR name: the plan is .plans/<pr>/plan.json in the repository');

/** A task of the plan. */
export const taskInput = TaskIdInput;

/** An output document: an object with these keys at least. */
export const doc = <S extends z.ZodRawShape>(shape: S) => z.looseObject(shape);

/** A task as plan.json holds it: plan-schema's own schema (unknown keys kept). */
export const taskDoc = TaskSchema;

/** A run as run-store lists it. */
export const runSummaryDoc = z.looseObject({ run_dir: z.string(), name: z.string(), run_id: z.string().nullable(), status: z.string() });

/** `status --json`: the plan's summary and its latest run. */
export const statusDoc = doc({
  plan: z.string(),
  goal: z.string().nullable(),
  total: z.number(),
  counts: z.record(z.string(), z.number()),
  runnable: z.array(z.string()),
  blocked: z.array(z.looseObject({ id: z.string(), reason: z.string().nullable() })),
  tasks: z.array(z.looseObject({ id: z.string(), status: z.string(), title: z.string() })),
  runs_root: z.string(),
  latest_run: runSummaryDoc.nullable(),
});
