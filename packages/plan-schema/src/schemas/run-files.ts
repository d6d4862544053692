import * as z from 'zod/mini';
import { nullableInt, nullableString } from './common.js';

/** Every status of a run (meta.json `status`). */
export const RUN_STATUSES = [
  'running',
  'task_preparing',
  'agent_running',
  'waiting_for_results',
  // An agent hit a usage limit: its task waits for the reset (planwright's, not the kit's).
  'paused',
  'completed',
  'timeout',
  'stopped',
  'running_background',
  'failed',
] as const;
export const RunStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatusSchema>;

const perTaskFields = {
  status: z.optional(RunStatusSchema),
  results_path: nullableString(),
  agent_log_path: nullableString(),
  agent_pid: nullableInt(),
  thread_id: nullableString(),
  exit_code: nullableInt(),
};

/** The state of one task inside a run with several tasks at once (meta.json `tasks[<id>]`). */
export const TaskRunStateSchema = z.looseObject(perTaskFields);
export type TaskRunState = z.infer<typeof TaskRunStateSchema>;

/** meta.json of a run directory. */
export const MetaSchema = z.looseObject({
  run_dir: z.string(),
  invocation_run_id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  prompt_preview: nullableString(),
  args: z.optional(z.unknown()),
  current_task_id: nullableString(),
  ...perTaskFields,
  status: RunStatusSchema,
  tasks: z.optional(z.record(z.string(), TaskRunStateSchema)),
});
export type Meta = z.infer<typeof MetaSchema>;

/** control/heartbeat.json: proof of life of a running orchestrator. */
export const HeartbeatSchema = z.looseObject({
  updated_at: z.string(),
  task_id: nullableString(),
  run_id: z.string(),
  waiting_for: nullableString(),
  last_event_at: nullableString(),
});
export type Heartbeat = z.infer<typeof HeartbeatSchema>;

/** One agent process of a run, so that `doctor --kill` can end its whole process group. */
export const AgentProcessSchema = z.looseObject({
  pid: z.int(),
  pgid: nullableInt(),
  started_at: nullableString(),
  agent: nullableString(),
});

/** control/agent_pids.json: the agents a run started, by task id. */
export const AgentPidsSchema = z.looseObject({
  run_id: z.string(),
  updated_at: z.string(),
  agents: z.record(z.string(), AgentProcessSchema),
});
export type AgentPids = z.infer<typeof AgentPidsSchema>;
