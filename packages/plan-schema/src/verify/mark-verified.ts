import { UsageError } from '@planwright/cli-kit';
import { appendMasterLog, formatEntry, masterLogPath } from '../log/master-log.js';
import { findTask } from '../plan/find-task.js';
import { loadPlan } from '../plan/load-plan.js';
import { resolvePlanFile, type PlanLocation } from '../plan/locate-plan.js';
import { updatePlan } from '../plan/update-plan.js';
import type { Plan } from '../schemas/plan.js';
import { TASK_STATUSES, type TaskStatus } from '../schemas/task.js';
import { taskStatus } from '../graph/queries.js';
import { markVerified } from '../status/transitions.js';

export interface MarkVerifiedOptions extends PlanLocation {
  task: string;
  note?: string;
  /** The status to set (default `done`). */
  status?: string;
  /** Show what would change; write nothing. */
  dryRun?: boolean;
}

export interface MarkVerifiedResult {
  plan_file: string;
  master_log: string;
  task_id: string;
  previous_status: TaskStatus;
  status: TaskStatus;
  verified_at: string;
  verified_note: string | null;
  dry_run: boolean;
}

/**
 * The planner's verdict on a task, as the Python kit's mark-verified: sets the status (default `done`),
 * verified_at, verified_by `manual` and verified_note under the plan lock, and appends a MASTER.md entry.
 *
 * @example
 * await markTaskVerified({ repo: '.', pr: 'pr-42', task: 'task_003', note: 'tests pass' });
 */
export async function markTaskVerified(options: MarkVerifiedOptions): Promise<MarkVerifiedResult> {
  const status = checkStatus(options.status ?? 'done');
  const resolved = resolvePlanFile(options);
  const apply = (plan: Plan): MarkVerifiedResult => {
    const task = findTask(plan, options.task, resolved.label);
    const previous = taskStatus(task);
    markVerified(task, { by: 'manual', note: options.note, status });
    return {
      plan_file: resolved.file,
      master_log: masterLogPath(resolved.planDir),
      task_id: task.id,
      previous_status: previous,
      status,
      verified_at: task.verified_at!,
      verified_note: task.verified_note ?? null,
      dry_run: options.dryRun === true,
    };
  };
  if (options.dryRun) return apply(await loadPlan(resolved.file, { label: resolved.label }));
  const { result } = await updatePlan(
    resolved.file,
    async (plan) => {
      const outcome = apply(plan);
      // Logged while the plan is locked, so MASTER.md lists verdicts in the order the plan got them.
      await appendMasterLog(resolved.planDir, resolved.pr, masterEntry(outcome));
      return outcome;
    },
    { label: resolved.label },
  );
  return result;
}

/** The MASTER.md text mark-verified appends (also shown by `--dry-run`). */
export function masterEntryText(result: MarkVerifiedResult): string {
  return formatEntry(masterEntry(result));
}

function masterEntry(result: MarkVerifiedResult) {
  const lines = [`status: ${result.status} (was ${result.previous_status})`, 'verified_by: manual'];
  if (result.verified_note) lines.push(`note: ${result.verified_note}`);
  return { title: `mark-verified ${result.task_id}`, lines, at: new Date(result.verified_at) };
}

function checkStatus(status: string): TaskStatus {
  if ((TASK_STATUSES as readonly string[]).includes(status)) return status as TaskStatus;
  throw new UsageError(`--status ${JSON.stringify(status)}: unknown status`, { hint: `allowed: ${TASK_STATUSES.join(', ')}` });
}
