import type { RemoteTaskReport, RemoteTaskRequest } from '@planwright/agent-runner';
import { ResultsSchema, TaskSchema } from '@planwright/plan-schema';
import { z } from 'zod';

// Numbers as the option table checks them: 0 is a value (`--timeout-minutes 0` and `--stall-minutes 0` mean never).
const SettingsSchema = z.object({
  agent: z.string().min(1),
  model: z.string().optional(),
  sandbox: z.string().optional(),
  approval: z.string().optional(),
  handshake: z.string().optional(),
  handshakeReminders: z.number().int().nonnegative().optional(),
  timeoutMinutes: z.number().nonnegative().optional(),
  timeoutGraceSeconds: z.number().nonnegative().optional(),
  resultsGraceSeconds: z.number().nonnegative().optional(),
  stallMinutes: z.number().nonnegative().optional(),
  maxPauseMinutes: z.number().nonnegative().optional(),
  autoVerify: z.boolean(),
  retries: z.number().int().nonnegative(),
  verifyTimeoutMinutes: z.number().nonnegative().optional(),
});

/** A task job's data: the coordinator's request, checked before it is sent and when a worker takes it. */
export const RemoteTaskRequestSchema = z.object({
  pr: z.string().min(1),
  runId: z.string().min(1),
  task: TaskSchema,
  goal: z.string().optional(),
  // A job is readable by anyone with the queue: a remote with a password in it would leak it to every worker.
  remote: z
    .string()
    .min(1)
    .refine((url) => !/^[a-z][a-z0-9+.-]*:\/\/[^/@]*:[^/@]*@/i.test(url), 'carries a password: a job holds no secrets (give the workers git credentials of their own)'),
  prBranch: z.string().min(1),
  baseSha: z.string().regex(/^[0-9a-f]{40,64}$/, 'a full commit sha'),
  taskBranch: z.string().min(1),
  settings: SettingsSchema,
});

/** Where a job ran: the progress a worker sets when it takes a job, and part of the report. */
export const PlacementSchema = z.object({
  host: z.string().min(1),
  worker: z.string().min(1),
  attempt: z.number().int().positive(),
});

/** A job's return value: the worker's report, checked before it is returned and when the coordinator reads it. */
export const RemoteTaskReportSchema = z.object({
  status: z.enum(['agent_done', 'done', 'blocked']),
  blockedReason: z.string().optional(),
  verified: z.boolean(),
  results: z.optional(ResultsSchema),
  summary: z.string().optional(),
  resultStatus: z.string().optional(),
  threadId: z.string().optional(),
  usage: z.record(z.string(), z.number()).optional(),
  durationMs: z.number().nonnegative(),
  attempts: z.number().int().nonnegative(),
  reminders: z.number().int().nonnegative(),
  exitCode: z.number().int().nullable(),
  logTail: z.string(),
  placement: PlacementSchema,
  commit: z.object({ sha: z.string().min(1), attemptRef: z.string().min(1) }).optional(),
});

/** One line for an invalid job document: `<what>: <path>: <message>` for the first few issues. */
function describe(what: string, error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return `${what}: ${issues.join('; ')}`;
}

/** Parses a request (a job's data); throws one line naming the field at fault. */
export function parseRequest(data: unknown, what = 'task job data'): RemoteTaskRequest {
  const parsed = RemoteTaskRequestSchema.safeParse(data);
  if (!parsed.success) throw new Error(describe(what, parsed.error));
  return data as RemoteTaskRequest;
}

/** Parses a report (a job's return value); throws one line naming the field at fault. */
export function parseReport(data: unknown, what = 'task report'): RemoteTaskReport {
  const parsed = RemoteTaskReportSchema.safeParse(data);
  if (!parsed.success) throw new Error(describe(what, parsed.error));
  return data as RemoteTaskReport;
}
