import * as z from 'zod/mini';
import { BudgetSchema } from './budget.js';
import { StringListSchema, TaskIdSchema, nullableString } from './common.js';

/**
 * Every status a task can have. `delegated`, from older files, is read as `in_progress`. `paused` (new in
 * planwright, not in the kit): the agent hit a usage or rate limit and its session resumes after the reset.
 */
export const TASK_STATUSES = ['pending', 'in_progress', 'agent_done', 'done', 'deferred', 'blocked', 'paused'] as const;

export const TaskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

/** Token usage of an agent for a task, per run (not a thread's cumulative count). */
export const UsageSchema = z.looseObject({
  input_tokens: z.optional(z.number()),
  cached_input_tokens: z.optional(z.number()),
  output_tokens: z.optional(z.number()),
  reasoning_output_tokens: z.optional(z.number()),
  cost_usd: z.optional(z.number()),
});
export type Usage = z.infer<typeof UsageSchema>;

/** Input plus output tokens of a usage: what a provider counts against a budget. */
export function tokensOf(usage: Usage | null | undefined): number {
  return (usage?.input_tokens ?? 0) + (usage?.output_tokens ?? 0);
}

const described = <T extends z.ZodMiniType>(schema: T, text: string) => schema.check(z.describe(text));

/** One task of plan.json. Unknown keys are kept. */
export const TaskSchema = z
  .looseObject({
    id: TaskIdSchema,
    title: z.optional(z.string()),
    description: z.optional(z.string()),
    expected_files: z.optional(described(StringListSchema, 'Paths the task is expected to change.')),
    verify: z.optional(described(StringListSchema, 'Shell commands that prove the task is done.')),
    done_criteria: z.optional(StringListSchema),
    depends_on: z.optional(described(StringListSchema, 'Ids of tasks that must be done first.')),
    status: z.optional(TaskStatusSchema),
    domain: z.optional(described(z.string(), 'Tasks in different domains may run at the same time.')),
    agent: z.optional(described(z.string(), 'a built-in agent (codex, gemini, claude, qwen: `planwright check` lists them) or a named custom agent.')),
    timeout_minutes: z.optional(z.number().check(z.nonnegative())),
    budget: z.optional(BudgetSchema),
    // Bookkeeping, written by the tools.
    delegated_at: nullableString(),
    run_dir: nullableString(),
    last_run_id: nullableString(),
    agent_done_at: nullableString(),
    blocked_reason: nullableString(),
    blocked_at: nullableString(),
    paused_until: z.optional(z.nullable(described(z.string(), 'When a paused task resumes its session (RFC 3339): the usage limit resets then.'))),
    paused_reason: z.optional(z.nullable(described(z.string(), 'The usage or rate limit the agent hit.'))),
    verified_at: nullableString(),
    verified_by: nullableString(),
    verified_note: nullableString(),
    thread_id: nullableString(),
    usage: z.optional(z.nullable(UsageSchema)),
    attempts: z.optional(z.int().check(z.nonnegative())),
    /** Reminder turns of the latest invocation: the agent's session resumed to ask for its results. */
    handshake_reminders: z.optional(z.int().check(z.nonnegative())),
    duration_ms: z.optional(z.nullable(z.number().check(z.nonnegative()))),
    verify_failed_command: nullableString(),
    head_before: nullableString(),
    head_after: nullableString(),
    worktree: nullableString(),
    /** The agent that last ran the task (its `agent` field, or the run's default). */
    last_agent: nullableString(),
    // Written by the coordinator of a run on workers (`planwright run --executor`): where the task runs.
    host: z.optional(described(z.string(), 'With `run --executor`: the host name of the worker machine that took the task (shown by `status`).')),
    worker: z.optional(described(z.string(), 'With `run --executor`: the worker that took the task (`planwright worker --name`, else `<host>-<pid>`).')),
    attempt: z.optional(described(z.int().check(z.positive()), 'With `run --executor`: 1 for the first worker to take the job, more after a worker died and another took it (not `attempts`, the agent runs).')),
  })
  .check(z.describe('A task of plan.json. Keys not listed here are kept as they are.'));
export type Task = z.infer<typeof TaskSchema>;
